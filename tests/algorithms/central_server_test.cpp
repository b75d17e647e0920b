#include "algorithms/central_server.hpp"

#include "checker/search.hpp"
#include "tests/algorithms/exhaustive_checks.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

using System = AsyncSystem<CentralServer>;

System central_server(int n, AsyncSemantics semantics = {}, int requests = 1) {
  return System(CentralServer({.n = n, .requests = requests}), semantics);
}

TEST_CASE("Central server with 3 clients: every property holds in 180 states under BFS and DFS",
          "[algorithms][central-server]") {
  check_all_hold_under_bfs_and_dfs(central_server(3), 180, 351);
}

TEST_CASE("Central server: 4 clients give 1017 states, two requests each 1505",
          "[algorithms][central-server]") {
  auto four = search(central_server(4));
  check_all_hold(four);
  CHECK(four.stats.states == 1017);
  auto twice = search(central_server(3, {}, 2));
  check_all_hold(twice);
  CHECK(twice.stats.states == 1505);
}

TEST_CASE(
    "Central server under FIFO: 1238 states with two requests each, fewer than the bag's 1505",
    "[algorithms][central-server]") {
  // In a bag a holder's next request can overtake its release.
  auto r = search(central_server(3, {.network = NetworkKind::Fifo}, 2));
  check_all_hold(r);
  CHECK(r.stats.states == 1238);
}

TEST_CASE("Central server: a server crash deadlocks every client in 4 steps (slide 36)",
          "[algorithms][central-server]") {
  auto system = central_server(3, {.max_crashes = 1});
  auto r = search(system);
  CHECK(r.stats.states == 900);
  const auto* deadlock = r.find(kDeadlockFreedom);
  REQUIRE(deadlock->verdict == Verdict::Violated);
  const auto& trace = *deadlock->trace;
  CHECK(trace.length() == 4);
  CHECK(trace.processes.back() == "server");
  CHECK(trace.steps.back().step.action == "Crash");
  CHECK(trace.steps.back().state.crashed == std::vector<int>{3});
  CHECK(trace.steps.back().step.discarded.size() == 3);
  CHECK(r.find("mutual exclusion")->verdict == Verdict::Holds);
}

TEST_CASE("Central server grants in request order and queues while the CS is taken",
          "[algorithms][central-server]") {
  CentralServer cs({.n = 3});
  auto server = cs.initial_process(cs.server());
  Outbox<CentralServer::Message> first(cs.server(), 4);
  cs.on_message(first, server, ProcessId{1}, CentralServer::Request{});
  CHECK(server.holder == ProcessId{1});
  REQUIRE(first.sends().size() == 1);
  CHECK(first.sends()[0].to == ProcessId{1});
  Outbox<CentralServer::Message> second(cs.server(), 4);
  cs.on_message(second, server, ProcessId{0}, CentralServer::Request{});
  cs.on_message(second, server, ProcessId{2}, CentralServer::Request{});
  CHECK(second.sends().empty());
  CHECK(server.queue == std::vector<ProcessId>{ProcessId{0}, ProcessId{2}});
  Outbox<CentralServer::Message> release(cs.server(), 4);
  cs.on_message(release, server, ProcessId{1}, CentralServer::Release{});
  CHECK(server.holder == ProcessId{0});
  CHECK(release.sends().size() == 1);
  CHECK(server.queue == std::vector<ProcessId>{ProcessId{2}});
}

}  // namespace
}  // namespace interleave
