// Assertions shared by the algorithm tests: a search that exhausts the space with every property
// holding, under both strategies and with the same counts.
#pragma once

#include <cstdint>

#include "checker/search.hpp"
#include "tests/catch.hpp"

namespace interleave {

inline void check_all_hold(const SearchResult& r) {
  CHECK(r.stop == StopReason::Exhausted);
  for (const auto& p : r.properties) {
    INFO(p.name);
    CHECK(p.verdict == Verdict::Holds);
  }
  CHECK(r.overall() == Verdict::Holds);
}

template <Model M>
void check_all_hold_under_bfs_and_dfs(const M& model, std::uint64_t states,
                                      std::uint64_t transitions) {
  for (auto strategy : {Strategy::BreadthFirst, Strategy::DepthFirst}) {
    INFO(to_string(strategy));
    auto r = search(model, {.strategy = strategy});
    check_all_hold(r);
    CHECK(r.stats.states == states);
    CHECK(r.stats.transitions == transitions);
  }
}

}  // namespace interleave
