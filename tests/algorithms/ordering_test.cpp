// The ordering requirement of slide 27 ("requests are served in happened-before order"), checked
// with the asynchronous model's happened-before ghost state.
#include "algorithms/central_server.hpp"
#include "algorithms/maekawa.hpp"
#include "algorithms/ricart_agrawala.hpp"
#include "algorithms/token_ring.hpp"
#include "checker/search.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

constexpr AsyncSemantics kTracked{.track_causality = true};

template <class Algorithm>
SearchResult check_ordering(Algorithm algorithm) {
  return search(AsyncSystem<Algorithm>(std::move(algorithm), kTracked),
                {.properties = {"ordering"}});
}

TEST_CASE("Ordering is checked only when happened-before is tracked", "[algorithms][ordering]") {
  auto names = [](const auto& system) {
    std::vector<std::string> out;
    for (const auto& p : system.properties()) out.push_back(p.name);
    return out;
  };
  AsyncSystem<RicartAgrawala> plain(RicartAgrawala({}), {});
  AsyncSystem<RicartAgrawala> tracked(RicartAgrawala({}), kTracked);
  auto plain_names = names(plain);
  CHECK(std::count(plain_names.begin(), plain_names.end(), "ordering") == 0);
  CHECK(names(tracked).back() == "ordering");
  // The ghost state splits states: 2879 without it, 5756 with it, same verdicts.
  auto r = search(tracked);
  CHECK(r.stats.states == 5756);
  CHECK(r.overall() == Verdict::Holds);
}

TEST_CASE("Happened-before ghost state keeps a bag network in canonical (sorted) order",
          "[algorithms][ordering]") {
  // Two equal replies in flight differ only in their ghost: knows = {p1} and {p2}. When p2
  // requests, bit p2 is cleared from every message, which would put {p1} after {}.
  AsyncSystem<RicartAgrawala> system(RicartAgrawala({.n = 3, .requests = 2}), kTracked);
  auto s = system.initial_states()[0];
  Envelope<RicartAgrawala::Message> reply{ProcessId{2}, ProcessId{0}, RicartAgrawala::Reply{}};
  reply.knows = 0b001;
  s.network.push_back(reply);
  reply.knows = 0b010;
  s.network.push_back(reply);
  REQUIRE(std::is_sorted(s.network.begin(), s.network.end()));
  auto t = system.next(s, {AsyncAction::Kind::Local, 1, 0});  // p2: RequestCs
  CHECK(t.precedes[0] == 0);                                  // p1 has made no request
  CHECK(std::is_sorted(t.network.begin(), t.network.end()));
  CHECK(t.network.size() == 4);  // the two replies and p2's requests to p1 and p3
}

TEST_CASE(
    "Ricart-Agrawala with sequence numbers violates ordering with two requests each (13 steps)",
    "[algorithms][ordering]") {
  auto r = check_ordering(RicartAgrawala({.n = 3, .requests = 2}));
  const auto* ordering = r.find("ordering");
  REQUIRE(ordering->verdict == Verdict::Violated);
  CHECK(ordering->trace->length() == 13);
  // p1 holds the CS while p2, whose request reached p1 through p3's reply, still waits.
  const auto& last = ordering->trace->steps.back().state;
  CHECK(last.processes[0][0].second == "HELD");
  CHECK(last.processes[1][0].second == "WANTED");
}

TEST_CASE("Ricart-Agrawala keeps ordering with one request each under both clock rules",
          "[algorithms][ordering]") {
  CHECK(check_ordering(RicartAgrawala({.n = 3})).overall() == Verdict::Holds);
  auto lamport =
      check_ordering(RicartAgrawala({.n = 3, .clocks = RicartAgrawala::ClockRule::Lamport}));
  CHECK(lamport.overall() == Verdict::Holds);
}

TEST_CASE("Maekawa, which has no timestamps, violates ordering in 14 steps",
          "[algorithms][ordering]") {
  auto r = check_ordering(Maekawa({.n = 3}));
  REQUIRE(r.find("ordering")->verdict == Verdict::Violated);
  CHECK(r.find("ordering")->trace->length() == 14);
}

TEST_CASE("With only their own messages, the central server and the ring keep ordering",
          "[algorithms][ordering]") {
  // Happened-before between two clients' requests can only pass through the server (or the
  // token), which then serves them in that order; slide 35's violation needs messages outside
  // the protocol.
  auto server = check_ordering(CentralServer({.n = 3}));
  CHECK(server.overall() == Verdict::Holds);
  CHECK(server.stats.states == 239);
  auto ring = check_ordering(TokenRing({.n = 3}));
  CHECK(ring.overall() == Verdict::Holds);
  CHECK(ring.stats.states == 543);
}

}  // namespace
}  // namespace interleave
