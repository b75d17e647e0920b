#include "algorithms/ricart_agrawala.hpp"

#include "checker/search.hpp"
#include "tests/algorithms/exhaustive_checks.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

using System = AsyncSystem<RicartAgrawala>;

System ricart_agrawala(int n, AsyncSemantics semantics = {}, int requests = 1) {
  return System(RicartAgrawala({.n = n, .requests = requests}), semantics);
}

TEST_CASE("Ricart-Agrawala N=3: mutual exclusion and deadlock freedom hold in 2879 states",
          "[algorithms][ricart-agrawala]") {
  auto system = ricart_agrawala(3);
  check_all_hold_under_bfs_and_dfs(system, 2879, 9070);
  auto bfs = search(system);
  CHECK(bfs.stats.max_depth == 18);
  CHECK(bfs.find("some process enters the CS")->trace->length() == 5);
}

TEST_CASE("Ricart-Agrawala N=4: every property holds in 2084955 states under BFS and DFS",
          "[algorithms][ricart-agrawala][slow]") {
  check_all_hold_under_bfs_and_dfs(ricart_agrawala(4), 2084955, 13433284);
}

TEST_CASE("Ricart-Agrawala with slide 31's clocks on every message holds in 28582 states",
          "[algorithms][ricart-agrawala]") {
  System system(RicartAgrawala({.n = 3, .clocks = RicartAgrawala::ClockRule::Lamport}), {});
  check_all_hold_under_bfs_and_dfs(system, 28582, 63402);
}

TEST_CASE("Ricart-Agrawala clocks: replies carry the sender's clock only under slide 31's rule",
          "[algorithms][ricart-agrawala]") {
  for (auto rule :
       {RicartAgrawala::ClockRule::SequenceNumbers, RicartAgrawala::ClockRule::Lamport}) {
    RicartAgrawala ra({.n = 3, .clocks = rule});
    auto p = ra.initial_process(ProcessId{1});
    p.clock = 4;
    Outbox<RicartAgrawala::Message> out(ProcessId{1}, 3);
    ra.on_message(out, p, ProcessId{0}, RicartAgrawala::Request{7});
    REQUIRE(out.sends().size() == 1);
    auto reply = std::get<RicartAgrawala::Reply>(out.sends()[0].message);
    bool lamport = rule == RicartAgrawala::ClockRule::Lamport;
    CHECK(p.clock == (lamport ? 8 : 7));  // max(own, received) + 1, or max(own, received)
    CHECK(reply.clock == (lamport ? 8 : 0));
    // A reply raises the receiver's clock only under slide 31's rule.
    auto q = ra.initial_process(ProcessId{0});
    q.state = CsState::Wanted;
    Outbox<RicartAgrawala::Message> none(ProcessId{0}, 3);
    ra.on_message(none, q, ProcessId{1}, reply);
    CHECK(q.clock == (lamport ? 9 : 0));
    CHECK(q.replies == 1);
  }
}

TEST_CASE("Ricart-Agrawala N=3 under FIFO channels: fewer states (2101), same verdicts",
          "[algorithms][ricart-agrawala]") {
  auto r = search(ricart_agrawala(3, {.network = NetworkKind::Fifo}));
  check_all_hold(r);
  CHECK(r.stats.states == 2101);
}

TEST_CASE("Ricart-Agrawala N=3 with two requests each still holds (45401 states)",
          "[algorithms][ricart-agrawala]") {
  auto r = search(ricart_agrawala(3, {}, 2));
  check_all_hold(r);
  CHECK(r.stats.states == 45401);
}

TEST_CASE(
    "Ricart-Agrawala N=3 with one crash deadlocks in 6 steps: waiting for a dead process's reply",
    "[algorithms][ricart-agrawala]") {
  auto r = search(ricart_agrawala(3, {.max_crashes = 1}));
  CHECK(r.stats.states == 13180);
  const auto* deadlock = r.find(kDeadlockFreedom);
  REQUIRE(deadlock->verdict == Verdict::Violated);
  CHECK(deadlock->trace->length() == 6);
  CHECK(deadlock->trace->steps.back().step.action == "Crash");
  CHECK(deadlock->trace->steps.back().state.crashed == std::vector<int>{2});
  CHECK(r.find("mutual exclusion")->verdict == Verdict::Holds);
}

TEST_CASE("Ricart-Agrawala defers a request exactly when its own request is earlier",
          "[algorithms][ricart-agrawala]") {
  RicartAgrawala ra({.n = 3});
  auto wanting = [&](std::uint16_t clock) {
    auto p = ra.initial_process(ProcessId{1});
    p.state = CsState::Wanted;
    p.clock = clock;
    p.request_clock = clock;
    return p;
  };
  SECTION("an earlier own timestamp defers") {
    auto p = wanting(1);
    Outbox<RicartAgrawala::Message> out(ProcessId{1}, 3);
    ra.on_message(out, p, ProcessId{0}, RicartAgrawala::Request{2});
    CHECK(out.sends().empty());
    CHECK(p.deferred == std::vector<ProcessId>{ProcessId{0}});
    CHECK(p.clock == 2);  // sequence numbers: the highest seen
  }
  SECTION("equal timestamps: the lower process id wins") {
    auto p = wanting(1);
    Outbox<RicartAgrawala::Message> from_p1(ProcessId{1}, 3);
    ra.on_message(from_p1, p, ProcessId{0}, RicartAgrawala::Request{1});  // (1,p1) < (1,p2)
    CHECK(from_p1.sends().size() == 1);
    Outbox<RicartAgrawala::Message> from_p3(ProcessId{1}, 3);
    ra.on_message(from_p3, p, ProcessId{2}, RicartAgrawala::Request{1});  // (1,p2) < (1,p3)
    CHECK(from_p3.sends().empty());
  }
  SECTION("a RELEASED process replies at once") {
    auto p = ra.initial_process(ProcessId{1});
    Outbox<RicartAgrawala::Message> out(ProcessId{1}, 3);
    ra.on_message(out, p, ProcessId{0}, RicartAgrawala::Request{5});
    REQUIRE(out.sends().size() == 1);
    CHECK(out.sends()[0].to == ProcessId{0});
    CHECK(std::holds_alternative<RicartAgrawala::Reply>(out.sends()[0].message));
  }
}

TEST_CASE("Ricart-Agrawala rejects N and request bounds it does not support",
          "[algorithms][ricart-agrawala]") {
  CHECK_THROWS_WITH(RicartAgrawala({.n = 1}),
                    Catch::Contains("--n must be between 2 and 8, got 1"));
  CHECK_THROWS_WITH(RicartAgrawala({.n = 9}), Catch::Contains("got 9"));
  CHECK_THROWS_WITH(RicartAgrawala({.n = 3, .requests = 0}), Catch::Contains("--requests"));
}

}  // namespace
}  // namespace interleave
