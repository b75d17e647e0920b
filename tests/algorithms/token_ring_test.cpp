#include "algorithms/token_ring.hpp"

#include "checker/search.hpp"
#include "tests/algorithms/exhaustive_checks.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

using System = AsyncSystem<TokenRing>;

System token_ring(int n, AsyncSemantics semantics = {}, int requests = 1) {
  return System(TokenRing({.n = n, .requests = requests}), semantics);
}

TEST_CASE("Token ring N=3: every property holds in 162 states under BFS and DFS",
          "[algorithms][token-ring]") {
  check_all_hold_under_bfs_and_dfs(token_ring(3), 162, 324);
}

TEST_CASE("Token ring: the token never stops, so no state is a deadlock; N=4 has 648 states",
          "[algorithms][token-ring]") {
  auto r = search(token_ring(4));
  CHECK(r.overall() == Verdict::Holds);
  CHECK(r.stats.states == 648);
  CHECK(r.stats.transitions == 1512);
  // p1 holds the token at the start and may enter at once.
  CHECK(r.find("some process enters the CS")->trace->length() == 1);
}

TEST_CASE("Token ring: a crash of the token holder deadlocks the ring in 3 steps (slide 40)",
          "[algorithms][token-ring]") {
  auto r = search(token_ring(3, {.max_crashes = 1}));
  CHECK(r.stats.states == 648);
  const auto* deadlock = r.find(kDeadlockFreedom);
  REQUIRE(deadlock->verdict == Verdict::Violated);
  CHECK(deadlock->trace->length() == 3);
  CHECK(deadlock->trace->steps.back().state.crashed == std::vector<int>{0});
  CHECK(r.find("mutual exclusion")->verdict == Verdict::Holds);
  CHECK(r.find("well-formed")->verdict == Verdict::Holds);
}

TEST_CASE("Token ring: a process passes the token to its successor, pN back to p1",
          "[algorithms][token-ring]") {
  TokenRing ring({.n = 3});
  auto p3 = ring.initial_process(ProcessId{2});
  p3.has_token = true;
  Outbox<TokenRing::Message> out(ProcessId{2}, 3);
  REQUIRE(ring.can_pass(p3));
  ring.pass(out, p3);
  REQUIRE(out.sends().size() == 1);
  CHECK(out.sends()[0].to == ProcessId{0});
  CHECK_FALSE(p3.has_token);
  // A waiting process enters on receipt of the token and keeps it.
  auto p1 = ring.initial_process(ProcessId{0});
  p1.has_token = false;
  ring.request(out, p1);
  CHECK(p1.state == CsState::Wanted);
  ring.on_message(out, p1, ProcessId{2}, TokenRing::Token{});
  CHECK(p1.state == CsState::Held);
  CHECK(p1.has_token);
  CHECK_FALSE(ring.can_pass(p1));
}

}  // namespace
}  // namespace interleave
