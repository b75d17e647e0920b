#include "cli/catalog.hpp"

#include <fmt/format.h>

#include "algorithms/central_server.hpp"
#include "algorithms/maekawa.hpp"
#include "algorithms/ricart_agrawala.hpp"
#include "algorithms/token_ring.hpp"
#include "models/async_system.hpp"

namespace interleave {

namespace {

const ParameterInfo kRequests{"--requests",
                              "CS requests per process (bounds the state space), default 1"};
const ParameterInfo kSets{"--sets", "Maekawa voting sets, e.g. \"1,2;2,3;3,1\" (V1;V2;...)"};

std::string variant_or_default(const RunParameters& p, const AlgorithmInfo& info) {
  auto name = p.variant.value_or(info.variants.front().name);
  for (const auto& v : info.variants) {
    if (v.name == name) return name;
  }
  std::string known;
  for (const auto& v : info.variants) known += (known.empty() ? "" : ", ") + v.name;
  throw BadInput(fmt::format("unknown variant '{}' of {} (known: {})", name, info.name, known));
}

void reject_unused(const RunParameters& p, const AlgorithmInfo& info) {
  auto uses = [&](const ParameterInfo& param) {
    for (const auto& q : info.parameters) {
      if (q.flag == param.flag) return true;
    }
    return false;
  };
  if (p.sets && !uses(kSets)) throw BadInput(fmt::format("--sets does not apply to {}", info.name));
  if (p.requests && !uses(kRequests))
    throw BadInput(fmt::format("--requests does not apply to {}", info.name));
}

RunDescription describe_run(const AlgorithmInfo& info, const std::string& variant,
                            std::vector<std::pair<std::string, std::string>> parameters,
                            const AsyncSemantics& semantics) {
  return {info.name,
          variant,
          std::move(parameters),
          {{"network", std::string(to_string(semantics.network))},
           {"crashes", std::to_string(semantics.max_crashes)},
           {"happened_before", semantics.track_causality ? "tracked" : "not tracked"}},
          semantics.describe()};
}

void check_crashes(const AsyncSemantics& semantics, int n) {
  if (semantics.max_crashes < 0 || semantics.max_crashes > n) {
    throw BadInput(
        fmt::format("--crashes must be between 0 and {} (the number of processes), got {}", n,
                    semantics.max_crashes));
  }
}

// Validates the parameters (constructing the algorithm does), checks the crash budget against
// the number of processes, and erases the type.
template <class Algorithm>
Instance make_async(const RunParameters& p, const AlgorithmInfo& info, const std::string& variant,
                    typename Algorithm::Params params,
                    std::vector<std::pair<std::string, std::string>> parameters,
                    std::vector<std::string> header) {
  auto algorithm = [&] {
    try {
      return Algorithm(std::move(params));
    } catch (const std::invalid_argument& e) {
      throw BadInput(e.what());
    }
  }();
  check_crashes(p.semantics, algorithm.process_count());
  Instance instance;
  instance.run = describe_run(info, variant, std::move(parameters), p.semantics);
  instance.header = std::move(header);
  instance.model = make_any_model(AsyncSystem<Algorithm>(std::move(algorithm), p.semantics));
  return instance;
}

std::vector<std::pair<std::string, std::string>> n_and_requests(int n, int requests) {
  return {{"n", std::to_string(n)}, {"requests", std::to_string(requests)}};
}

Instance make_ricart_agrawala(const RunParameters& p, const AlgorithmInfo& info) {
  auto variant = variant_or_default(p, info);
  RicartAgrawala::Params params{.n = p.n.value_or(3),
                                .requests = p.requests.value_or(1),
                                .clocks = variant == "lamport-clocks"
                                              ? RicartAgrawala::ClockRule::Lamport
                                              : RicartAgrawala::ClockRule::SequenceNumbers};
  return make_async<RicartAgrawala>(
      p, info, variant, params, n_and_requests(params.n, params.requests),
      {fmt::format("processes: {}; requests per process: {}", params.n, params.requests)});
}

Instance make_central_server(const RunParameters& p, const AlgorithmInfo& info) {
  auto variant = variant_or_default(p, info);
  CentralServer::Params params{.n = p.n.value_or(3), .requests = p.requests.value_or(1)};
  return make_async<CentralServer>(
      p, info, variant, params, n_and_requests(params.n, params.requests),
      {fmt::format("clients: {} and the server; requests per client: {}", params.n,
                   params.requests)});
}

Instance make_token_ring(const RunParameters& p, const AlgorithmInfo& info) {
  auto variant = variant_or_default(p, info);
  TokenRing::Params params{.n = p.n.value_or(3), .requests = p.requests.value_or(1)};
  return make_async<TokenRing>(
      p, info, variant, params, n_and_requests(params.n, params.requests),
      {fmt::format("processes: {} on a ring, p1 starts with the token; requests per process: {}",
                   params.n, params.requests)});
}

Instance make_maekawa(const RunParameters& p, const AlgorithmInfo& info) {
  auto variant = variant_or_default(p, info);
  Maekawa::Params params;
  params.variant =
      variant == "optimised" ? Maekawa::Variant::Optimised : Maekawa::Variant::Original;
  params.requests = p.requests.value_or(1);
  try {
    if (p.sets) params.voting_sets = parse_voting_sets(*p.sets);
  } catch (const std::invalid_argument& e) {
    throw BadInput(e.what());
  }
  params.n = p.n.value_or(p.sets ? static_cast<int>(params.voting_sets.size()) : 3);
  if (!p.sets && params.n >= 2 && params.n <= kMaxProcesses) {
    params.voting_sets = default_voting_sets(params.n);
  }
  std::string sets_text;
  for (std::size_t i = 0; i < params.voting_sets.size(); ++i) {
    if (i) sets_text += ';';
    for (std::size_t k = 0; k < params.voting_sets[i].size(); ++k) {
      sets_text += (k ? "," : "") + std::to_string(params.voting_sets[i][k].value() + 1);
    }
  }
  auto parameters = n_and_requests(params.n, params.requests);
  parameters.insert(parameters.begin() + 1, {"sets", sets_text});
  return make_async<Maekawa>(
      p, info, variant, params, std::move(parameters),
      {fmt::format("processes: {}; requests per process: {}", params.n, params.requests),
       "voting sets: " + format_voting_sets(params.voting_sets)});
}

std::vector<AlgorithmInfo> build_catalog() {
  std::vector<AlgorithmInfo> entries;
  entries.push_back({
      .name = "ricart-agrawala",
      .summary = "multicast mutual exclusion with Lamport clocks",
      .source = "slides 41-44; Ricart and Agrawala, CACM 1981",
      .variants = {{"original",
                    "slide 42, with the paper's sequence numbers (replies carry no timestamp)"},
                   {"lamport-clocks",
                    "slide 42 with slide 31's clocks on every message, replies too"}},
      .parameters = {{"--n", "number of processes, 2..8 (default 3)"}, kRequests},
      .symmetry = "none (process ids break ties between equal timestamps)",
      .make = {},
  });
  entries.back().make = [](const RunParameters& p) {
    return make_ricart_agrawala(p, find_algorithm("ricart-agrawala"));
  };
  entries.push_back({
      .name = "central-server",
      .summary = "mutual exclusion by a central server that queues requests for a token",
      .source = "slides 33-36",
      .variants = {{"original",
                    "as on slide 34: grant if free, else queue; grant the oldest on release"}},
      .parameters = {{"--n", "number of clients, 2..8 (default 3); the server is one more process"},
                     kRequests},
      .symmetry = "none yet (clients are interchangeable)",
      .make = {},
  });
  entries.back().make = [](const RunParameters& p) {
    return make_central_server(p, find_algorithm("central-server"));
  };
  entries.push_back({
      .name = "token-ring",
      .summary = "mutual exclusion by a token passed around a unidirectional ring",
      .source = "slides 37-40",
      .variants = {{"original", "as on slide 38: pass the token on unless wanting the CS"}},
      .parameters = {{"--n", "number of processes on the ring, 2..10 (default 3)"}, kRequests},
      .symmetry = "none yet (rotations of the ring, once the token's start is rotated too)",
      .make = {},
  });
  entries.back().make = [](const RunParameters& p) {
    return make_token_ring(p, find_algorithm("token-ring"));
  };
  entries.push_back({
      .name = "maekawa",
      .summary = "mutual exclusion by voting sets",
      .source = "slides 46-53; Maekawa, ACM TOCS 1985",
      .variants = {{"original", "as on slides 47-48 (deadlocks with the lecture's sets)"},
                   {"optimised", "slides 52-53: ask only V_i - {p_i}, never vote for oneself"}},
      .parameters = {{"--n", "number of processes, 2..16 (default 3, or the number of --sets)"},
                     kSets,
                     kRequests},
      .symmetry = "none yet",
      .make = {},
  });
  entries.back().make = [](const RunParameters& p) {
    return make_maekawa(p, find_algorithm("maekawa"));
  };
  return entries;
}

}  // namespace

const std::vector<AlgorithmInfo>& catalog() {
  static const std::vector<AlgorithmInfo> entries = build_catalog();
  return entries;
}

const AlgorithmInfo& find_algorithm(const std::string& name) {
  for (const auto& a : catalog()) {
    if (a.name == name) return a;
  }
  std::string known;
  for (const auto& a : catalog()) known += (known.empty() ? "" : ", ") + a.name;
  throw BadInput(
      fmt::format("unknown algorithm '{}' (known: {}; see `interleave list`)", name, known));
}

Instance make_instance(const RunParameters& parameters) {
  const auto& info = find_algorithm(parameters.algorithm);
  reject_unused(parameters, info);
  if (parameters.n && (*parameters.n < 2)) {
    throw BadInput(fmt::format("--n must be at least 2, got {}", *parameters.n));
  }
  return info.make(parameters);
}

}  // namespace interleave
