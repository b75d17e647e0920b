#include "cli/commands.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "checker/result.hpp"
#include "cli/catalog.hpp"
#include "counterexamples/msc.hpp"
#include "counterexamples/trace_json.hpp"

namespace interleave {

namespace {

constexpr int kBadInput = 2;

struct CheckOptions {
  RunParameters run;
  std::string network = "bag";
  std::string strategy = "bfs";
  long long max_states = 0;
  long long max_depth = 0;
  double time_limit = 0;
  std::string trace_json;
  bool json = false;
  bool quiet_progress = false;
};

void print_list() {
  fmt::print("Algorithms (interleave check ALGORITHM [--variant V] ...):\n\n");
  for (const auto& a : catalog()) {
    fmt::print("{}\n  {}\n  source: {}\n  variants:\n", a.name, a.summary, a.source);
    for (const auto& v : a.variants) fmt::print("    {:<12} {}\n", v.name, v.description);
    fmt::print("  parameters:\n");
    for (const auto& p : a.parameters) fmt::print("    {:<12} {}\n", p.flag, p.description);
    fmt::print("  properties:");
    auto instance = a.make(RunParameters{.algorithm = a.name});
    for (const auto& p : instance.model->properties())
      fmt::print(" \"{}\" ({});", p.name, to_string(p.kind));
    fmt::print("\n  symmetry: {}\n\n", a.symmetry);
  }
  fmt::print("System model options (every algorithm):\n");
  fmt::print(
      "  --network bag|fifo   reliable channels, unordered (bag) or FIFO per ordered pair\n");
  fmt::print(
      "  --crashes F          up to F processes crash-stop, at any point, incl. mid-multicast\n");
}

nlohmann::json result_json(const SearchResult& result, const Instance& instance) {
  auto j = to_json(instance.run);
  j["semantics_text"] = instance.run.semantics_text;
  j["strategy"] = std::string(to_string(result.strategy));
  j["properties"] = nlohmann::json::array();
  for (const auto& p : result.properties) {
    nlohmann::json entry = {{"name", p.name},
                            {"kind", std::string(to_string(p.kind))},
                            {"verdict", std::string(to_string(p.verdict))}};
    if (p.trace) {
      entry["trace_length"] = p.trace->length();
      entry["trace_kind"] = std::string(to_string(p.trace->kind));
    }
    j["properties"].push_back(entry);
  }
  j["verdict"] = std::string(to_string(result.overall()));
  const auto* violation = result.first_violation();
  j["violated"] = violation ? nlohmann::json(violation->name) : nlohmann::json(nullptr);
  if (violation && violation->trace) j["trace_length"] = violation->trace->length();
  j["stop_reason"] = std::string(to_string(result.stop));
  const auto& s = result.stats;
  j["states"] = s.states;
  j["transitions"] = s.transitions;
  j["max_depth"] = s.max_depth;
  j["seconds"] = s.seconds;
  j["states_per_second"] = s.states_per_second();
  j["peak_memory_bytes"] = s.peak_memory_bytes;
  j["bytes_per_state"] = s.bytes_per_state;
  return j;
}

std::string limits_text(const CheckOptions& o) {
  std::string text;
  if (o.max_states > 0) text += fmt::format(" max-states={}", o.max_states);
  if (o.max_depth > 0) text += fmt::format(" max-depth={}", o.max_depth);
  if (o.time_limit > 0) text += fmt::format(" time-limit={}s", o.time_limit);
  return text.empty() ? " none" : text;
}

void print_report(const SearchResult& result, const Instance& instance, const CheckOptions& o) {
  fmt::print("\n");
  std::size_t width = 0;
  for (const auto& p : result.properties) width = std::max(width, p.name.size());
  for (const auto& p : result.properties) {
    std::string note;
    if (p.trace && p.trace->kind == TraceKind::Example) {
      note = fmt::format("(reached in {} steps)", p.trace->length());
    } else if (p.trace) {
      note = fmt::format("({} after {} steps)", to_string(p.trace->kind), p.trace->length());
    } else if (p.verdict == Verdict::Incomplete) {
      note = "(not decided before the search stopped)";
    }
    auto line = fmt::format("  {:<{}}  {:<10} {}", p.name, width, to_string(p.verdict), note);
    fmt::print("{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
  }
  auto verdict = result.overall();
  const auto* violation = result.first_violation();
  fmt::print("\nverdict: {}{}\n", to_string(verdict),
             violation ? fmt::format(" ({})", violation->name) : std::string());
  fmt::print("stopped: {}\n", to_string(result.stop));
  fmt::print("{}\n", format_statistics(result.stats));
  for (const auto& p : result.properties) {
    if (p.verdict != Verdict::Violated || !p.trace) continue;
    bool shortest = result.strategy == Strategy::BreadthFirst;
    fmt::print("\nCounterexample to \"{}\": {}, {} steps ({}):\n\n", p.name,
               to_string(p.trace->kind), p.trace->length(),
               shortest ? "a shortest one: breadth-first search"
                        : "found by depth-first search, not necessarily shortest");
    fmt::print("{}", render_text_msc(*p.trace));
  }
  (void)instance;
  (void)o;
}

int run_check(CheckOptions& o) {
  auto network = parse_network_kind(o.network);
  if (!network) throw BadInput(fmt::format("--network must be bag or fifo, got '{}'", o.network));
  o.run.semantics.network = *network;
  Strategy strategy;
  if (o.strategy == "bfs") {
    strategy = Strategy::BreadthFirst;
  } else if (o.strategy == "dfs") {
    strategy = Strategy::DepthFirst;
  } else {
    throw BadInput(fmt::format("--strategy must be bfs or dfs, got '{}'", o.strategy));
  }
  if (o.max_states < 0 || o.max_depth < 0 || o.time_limit < 0) {
    throw BadInput("--max-states, --max-depth and --time-limit must not be negative");
  }
  if (o.max_depth > 0xfffffffe) throw BadInput("--max-depth is too large");

  auto instance = make_instance(o.run);

  std::ofstream trace_file;
  if (!o.trace_json.empty()) {
    trace_file.open(o.trace_json);
    if (!trace_file)
      throw BadInput(fmt::format("cannot write --trace-json file '{}'", o.trace_json));
  }

  if (!o.json) {
    fmt::print("interleave check {} (variant {})\n", instance.run.algorithm, instance.run.variant);
    for (const auto& line : instance.header) fmt::print("  {}\n", line);
    fmt::print("  semantics: {}\n", instance.run.semantics_text);
    fmt::print("  search: {}; limits:{}\n", to_string(strategy), limits_text(o));
    std::fflush(stdout);
  }

  ProgressReporter progress;
  SearchOptions options{.strategy = strategy,
                        .max_states = static_cast<std::uint64_t>(o.max_states),
                        .max_depth = static_cast<std::uint32_t>(o.max_depth),
                        .time_limit_seconds = o.time_limit,
                        .progress = o.quiet_progress ? nullptr : &progress};
  auto result = instance.model->check(options);

  if (o.json) {
    fmt::print("{}\n", result_json(result, instance).dump());
  } else {
    print_report(result, instance, o);
  }

  if (trace_file.is_open()) {
    const auto* violation = result.first_violation();
    if (violation && violation->trace) {
      trace_file << trace_file_json(*violation->trace, instance.run).dump(2) << '\n';
      if (!o.json) fmt::print("\ntrace written to {}\n", o.trace_json);
    } else {
      trace_file << nlohmann::json{{"format", "interleave-trace"},
                                   {"version", kTraceFormatVersion},
                                   {"run", to_json(instance.run)},
                                   {"trace", nullptr}}
                        .dump(2)
                 << '\n';
      if (!o.json) fmt::print("\nno counterexample; {} records the run only\n", o.trace_json);
    }
  }
  return exit_code(result.overall());
}

}  // namespace

int run_cli(int argc, const char* const* argv) {
  CLI::App app{
      "interleave: a model checker for the coordination algorithms of distributed systems"};
  app.require_subcommand(1);
  auto* list = app.add_subcommand("list", "algorithms, variants, parameters and properties");

  CheckOptions o;
  auto* check = app.add_subcommand("check", "explore every interleaving and check every property");
  check->add_option("algorithm", o.run.algorithm, "algorithm name (see `interleave list`)")
      ->required();
  check->add_option("--variant", o.run.variant, "variant of the algorithm");
  check->add_option("--n", o.run.n, "number of processes");
  check->add_option("--sets", o.run.sets, "Maekawa voting sets, e.g. \"1,2;2,3;3,1\"");
  check->add_option("--requests", o.run.requests, "CS requests per process");
  check->add_option("--network", o.network, "bag (unordered) or fifo (per ordered pair)");
  check->add_option("--crashes", o.run.semantics.max_crashes, "processes that may crash-stop");
  check->add_option("--strategy", o.strategy, "bfs (shortest traces) or dfs");
  check->add_option("--max-states", o.max_states,
                    "stop after this many states (verdict incomplete)");
  check->add_option("--max-depth", o.max_depth,
                    "do not expand states at this depth (verdict incomplete)");
  check->add_option("--time-limit", o.time_limit,
                    "stop after this many seconds (verdict incomplete)");
  check->add_option("--trace-json", o.trace_json,
                    "write the counterexample as a replayable JSON file");
  check->add_flag("--json", o.json, "print one JSON object instead of the report");
  check->add_flag("--no-progress", o.quiet_progress, "no progress lines on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    fmt::print("{}", app.help());
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    fmt::print("{}", app.help("", CLI::AppFormatMode::All));
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    if (auto newline = message.find('\n'); newline != std::string::npos) message.resize(newline);
    fmt::print(stderr, "interleave: error: {}\n", message);
    return kBadInput;
  }

  try {
    if (list->parsed()) {
      print_list();
      return 0;
    }
    return run_check(o);
  } catch (const BadInput& e) {
    fmt::print(stderr, "interleave: error: {}\n", e.what());
    return kBadInput;
  }
}

}  // namespace interleave
