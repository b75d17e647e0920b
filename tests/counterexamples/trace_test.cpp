#include "counterexamples/trace.hpp"

#include "algorithms/maekawa.hpp"
#include "checker/search.hpp"
#include "counterexamples/msc.hpp"
#include "counterexamples/trace_json.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

Trace maekawa_deadlock() {
  AsyncSystem<Maekawa> system(Maekawa({.n = 3}), {});
  auto r = search(system);
  return *r.find(kDeadlockFreedom)->trace;
}

TEST_CASE("The text MSC has one lifeline per process and one row per step", "[counterexamples]") {
  auto trace = maekawa_deadlock();
  auto msc = render_text_msc(trace);
  CHECK_THAT(msc, Catch::Contains(" step| p1 "));
  CHECK_THAT(msc, Catch::Contains("| p2 "));
  CHECK_THAT(msc, Catch::Contains("| p3"));
  CHECK_THAT(msc, Catch::Contains("  12 |"));
  CHECK_THAT(msc, !Catch::Contains("  13 |"));
  CHECK_THAT(msc, Catch::Contains("RequestCs"));
  CHECK_THAT(msc, Catch::Contains("->p1,p2 request"));
  CHECK_THAT(msc, Catch::Contains("state: RELEASED -> WANTED"));
  CHECK_THAT(msc, Catch::Contains("state after step 12:"));
  CHECK_THAT(msc, Catch::Contains("p1: state=WANTED replies=1 voted=true"));
}

TEST_CASE("A trace file records the run, the replay key and every step", "[counterexamples]") {
  auto trace = maekawa_deadlock();
  RunDescription run{
      "maekawa", "original", {{"n", "3"}}, {{"network", "bag"}, {"crashes", "0"}}, "text"};
  auto j = trace_file_json(trace, run);
  CHECK(j["format"] == "interleave-trace");
  CHECK(j["version"] == kTraceFormatVersion);
  CHECK(j["run"]["algorithm"] == "maekawa");
  CHECK(j["run"]["parameters"]["n"] == "3");
  CHECK(j["run"]["semantics"]["network"] == "bag");
  CHECK(j["trace"]["property"] == "deadlock freedom");
  CHECK(j["trace"]["kind"] == "deadlock");
  CHECK(j["trace"]["length"] == 12);
  CHECK(j["trace"]["replay"]["actions"].size() == 12);
  CHECK(j["trace"]["steps"].size() == 12);
  CHECK(j["trace"]["steps"][0]["action"] == "RequestCs");
  CHECK(j["trace"]["steps"][0]["sent"].size() == 2);
  CHECK(j["trace"]["steps"][11]["state"]["processes"]["p3"]["state"] == "WANTED");
}

TEST_CASE("Re-executing a trace's replay key rebuilds the same trace",
          "[counterexamples][checker]") {
  AsyncSystem<Maekawa> system(Maekawa({.n = 3}), {});
  auto trace = maekawa_deadlock();
  auto again = build_trace(system, trace.replay_key(), trace.property, trace.kind);
  CHECK(again.replay_key() == trace.replay_key());
  CHECK(to_json(again) == to_json(trace));
  auto broken = trace.replay_key();
  broken.actions[3] = 99;
  CHECK_THROWS_AS(build_trace(system, broken, trace.property, trace.kind), ReplayError);
}

}  // namespace
}  // namespace interleave
