#include "algorithms/maekawa.hpp"

#include <map>

#include "checker/search.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

using System = AsyncSystem<Maekawa>;

System maekawa(int n, Maekawa::Variant variant = Maekawa::Variant::Original,
               AsyncSemantics semantics = {}) {
  Maekawa::Params params{.n = n, .variant = variant};
  return System(Maekawa(params), semantics);
}

const PropertyOutcome& outcome(const SearchResult& r, std::string_view name) {
  const auto* p = r.find(name);
  REQUIRE(p != nullptr);
  return *p;
}

// The smallest depth at which a deadlock is reachable, by exhaustive depth-bounded search that
// re-expands a state whenever it is reached by a shorter path: independent of the BFS engine.
int shortest_deadlock_by_exhaustive_dfs(const System& system, int bound) {
  std::map<Bytes, int> best_depth;
  int shortest = -1;
  std::vector<AsyncAction> actions;
  auto visit = [&](auto&& self, const System::State& s, int depth) -> void {
    Bytes key;
    system.encode(s, key);
    auto [it, inserted] = best_depth.try_emplace(key, depth);
    if (!inserted && it->second <= depth) return;
    it->second = depth;
    std::vector<AsyncAction> enabled;
    system.actions(s, enabled);
    if (enabled.empty() && !system.is_end_state(s)) {
      if (shortest < 0 || depth < shortest) shortest = depth;
    }
    if (depth == bound) return;
    for (const auto& a : enabled) self(self, system.next(s, a), depth + 1);
  };
  visit(visit, system.initial_states().front(), 0);
  return shortest;
}

TEST_CASE("Maekawa N=3 with the lecture's cyclic voting sets deadlocks in 12 steps",
          "[algorithms][maekawa]") {
  auto system = maekawa(3);
  auto r = search(system);
  CHECK(r.stop == StopReason::Exhausted);
  CHECK(r.stats.states == 2153);
  CHECK(r.stats.transitions == 7038);
  CHECK(r.stats.max_depth == 24);
  const auto& deadlock = outcome(r, kDeadlockFreedom);
  REQUIRE(deadlock.verdict == Verdict::Violated);
  REQUIRE(deadlock.trace);
  CHECK(deadlock.trace->kind == TraceKind::Deadlock);
  CHECK(deadlock.trace->length() == 12);
  // Every process wants the CS, holds one vote of two, and has given its own vote away.
  const auto& last = deadlock.trace->steps.back().state;
  for (const auto& fields : last.processes) {
    CHECK(fields[0] == std::pair<std::string, std::string>{"state", "WANTED"});
    CHECK(fields[1] == std::pair<std::string, std::string>{"replies", "1"});
  }
  CHECK(last.in_flight.empty());
  CHECK(outcome(r, "mutual exclusion").verdict == Verdict::Holds);
  CHECK(outcome(r, "well-formed").verdict == Verdict::Holds);
  CHECK(outcome(r, "some process enters the CS").verdict == Verdict::Holds);
  CHECK(exit_code(r.overall()) == 1);
}

TEST_CASE("No deadlock of Maekawa N=3 is shorter than 12 steps (exhaustive depth-bounded search)",
          "[algorithms][maekawa]") {
  auto system = maekawa(3);
  CHECK(shortest_deadlock_by_exhaustive_dfs(system, 11) == -1);
  CHECK(shortest_deadlock_by_exhaustive_dfs(system, 12) == 12);
}

TEST_CASE("Checking only deadlock freedom stops at the first deadlock, still a shortest one",
          "[algorithms][maekawa]") {
  auto r = search(maekawa(3), {.properties = {std::string(kDeadlockFreedom)}});
  REQUIRE(r.properties.size() == 1);
  CHECK(r.properties[0].name == kDeadlockFreedom);
  CHECK(r.stop == StopReason::AllDecided);
  CHECK(r.properties[0].trace->length() == 12);
  CHECK(r.stats.states < 2153);
  auto only_safety = search(maekawa(3), {.properties = {"mutual exclusion"}});
  REQUIRE(only_safety.properties.size() == 1);
  CHECK(only_safety.overall() == Verdict::Holds);
  CHECK(only_safety.stats.states == 2153);
}

TEST_CASE("Maekawa N=3 gives equal state counts under BFS and DFS", "[algorithms][maekawa]") {
  auto system = maekawa(3);
  auto bfs = search(system, {.strategy = Strategy::BreadthFirst});
  auto dfs = search(system, {.strategy = Strategy::DepthFirst});
  CHECK(bfs.stats.states == dfs.stats.states);
  CHECK(bfs.stats.transitions == dfs.stats.transitions);
  CHECK(dfs.find(kDeadlockFreedom)->verdict == Verdict::Violated);
  CHECK(dfs.find(kDeadlockFreedom)->trace->length() >= 12);
}

TEST_CASE("Maekawa optimised (slides 52-53) violates mutual exclusion in 6 steps",
          "[algorithms][maekawa]") {
  auto r = search(maekawa(3, Maekawa::Variant::Optimised));
  CHECK(r.stats.states == 270);
  const auto& me = outcome(r, "mutual exclusion");
  REQUIRE(me.verdict == Verdict::Violated);
  REQUIRE(me.trace);
  CHECK(me.trace->kind == TraceKind::InvariantViolation);
  CHECK(me.trace->length() == 6);
  int held = 0;
  for (const auto& fields : me.trace->steps.back().state.processes)
    held += fields[0].second == "HELD";
  CHECK(held == 2);
  CHECK(outcome(r, kDeadlockFreedom).verdict == Verdict::Violated);
  CHECK(outcome(r, kDeadlockFreedom).trace->length() == 12);
}

TEST_CASE("Maekawa N=3 under FIFO channels has the same 2153 states as the bag",
          "[algorithms][maekawa]") {
  // With one request per process, no channel ever holds two messages at once.
  auto r = search(maekawa(3, Maekawa::Variant::Original, {.network = NetworkKind::Fifo}));
  CHECK(r.stats.states == 2153);
  CHECK(r.find(kDeadlockFreedom)->trace->length() == 12);
}

TEST_CASE("Maekawa N=3 with one crash deadlocks in 8 steps: a voter crashes",
          "[algorithms][maekawa]") {
  auto r = search(maekawa(3, Maekawa::Variant::Original, {.max_crashes = 1}));
  CHECK(r.stats.states == 8078);
  const auto& deadlock = outcome(r, kDeadlockFreedom);
  REQUIRE(deadlock.trace);
  CHECK(deadlock.trace->length() == 8);
  CHECK(deadlock.trace->steps.back().step.crash);
  CHECK(outcome(r, "mutual exclusion").verdict == Verdict::Holds);
}

TEST_CASE("A Maekawa request to oneself and one other cannot be cut by a crash",
          "[algorithms][maekawa]") {
  // p_i asks V_i = {p_i, p_j}: cutting after the send to p_j alone is the same as crashing right
  // after the step, and the send to itself is lost with the crash, so there is nothing to cut.
  auto system = maekawa(3, Maekawa::Variant::Original, {.max_crashes = 1});
  std::vector<AsyncAction> actions;
  system.actions(system.initial_states()[0], actions);
  CHECK(actions.size() == 6);  // three RequestCs, three crashes
  CHECK(std::none_of(actions.begin(), actions.end(), [](const auto& a) { return a.crash_within; }));
}

TEST_CASE("Maekawa with p_i left out of V_i keeps mutual exclusion and still deadlocks (slide 49)",
          "[algorithms][maekawa]") {
  System system(Maekawa({.n = 3, .voting_sets = parse_voting_sets("2,3;1,3;1,2")}), {});
  auto r = search(system);
  CHECK(r.stats.states == 2645);
  CHECK(outcome(r, "mutual exclusion").verdict == Verdict::Holds);
  CHECK(outcome(r, kDeadlockFreedom).trace->length() == 12);
}

TEST_CASE("Maekawa N=4 with grid voting sets deadlocks in 20 steps", "[algorithms][maekawa]") {
  auto r = search(maekawa(4));
  CHECK(r.stats.states == 1455531);
  CHECK(r.stats.transitions == 7901400);
  CHECK(outcome(r, kDeadlockFreedom).trace->length() == 20);
  CHECK(outcome(r, "mutual exclusion").verdict == Verdict::Holds);
}

TEST_CASE("Default voting sets: the lecture's cycle for N=3, pairwise-intersecting grids otherwise",
          "[algorithms][maekawa]") {
  CHECK(format_voting_sets(default_voting_sets(3)) == "V1={p1,p2} V2={p2,p3} V3={p3,p1}");
  CHECK(format_voting_sets(default_voting_sets(4)) ==
        "V1={p1,p2,p3} V2={p1,p2,p4} V3={p1,p3,p4} V4={p2,p3,p4}");
  for (int n = 2; n <= kMaxProcesses; ++n) {
    Maekawa::Params params{.n = n, .voting_sets = default_voting_sets(n)};
    CHECK_NOTHROW(params.validate());
    for (int i = 0; i < n; ++i) {
      const auto& set = params.voting_sets[i];
      CHECK(std::find(set.begin(), set.end(), ProcessId{i}) != set.end());
    }
  }
  // N=7: the Fano plane, seven lines of three points, any two meeting in exactly one.
  auto fano = default_voting_sets(7);
  for (int i = 0; i < 7; ++i) {
    CHECK(fano[i].size() == 3);
    for (int j = i + 1; j < 7; ++j) {
      long common = 0;
      for (auto p : fano[i]) common += std::count(fano[j].begin(), fano[j].end(), p);
      CHECK(common == 1);
    }
  }
  // N=9: a 3x3 grid, so |V_i| = 2*3-1 = 5.
  for (const auto& set : default_voting_sets(9)) CHECK(set.size() == 5);
}

TEST_CASE("Voting sets are parsed and validated with one-line errors", "[algorithms][maekawa]") {
  CHECK(format_voting_sets(parse_voting_sets("1,2;2,3;3,1")) == "V1={p1,p2} V2={p2,p3} V3={p3,p1}");
  CHECK(format_voting_sets(parse_voting_sets(" p1, p2 ; 2,3;3 ,1")) ==
        "V1={p1,p2} V2={p2,p3} V3={p3,p1}");
  CHECK_THROWS_WITH(parse_voting_sets("1,2;x"), Catch::Contains("'x' is not a process number"));
  CHECK_THROWS_WITH(parse_voting_sets("1,,2"), Catch::Contains("is not a process number"));
  CHECK_THROWS_WITH(parse_voting_sets("1,2;-1"), Catch::Contains("out of range"));
  auto validate = [](int n, std::string_view sets) {
    Maekawa::Params params{.n = n, .voting_sets = parse_voting_sets(sets)};
    params.validate();
  };
  CHECK_THROWS_WITH(validate(3, "1,2;2,3;3"), Catch::Contains("V1 and V3 do not intersect"));
  CHECK_THROWS_WITH(validate(3, "1,2;2,4;1,2"),
                    Catch::Contains("V2 names p4, but there are only 3"));
  CHECK_THROWS_WITH(validate(3, "1,2;2,3"), Catch::Contains("gives 2 voting sets for 3 processes"));
  CHECK_THROWS_WITH(validate(3, "1,1;1,2;1,3"), Catch::Contains("V1 names p1 twice"));
  CHECK_NOTHROW(validate(3, "1,2;1,2;1,2"));  // p3 not in V3 is allowed: slide 49 asks about it
}

}  // namespace
}  // namespace interleave
