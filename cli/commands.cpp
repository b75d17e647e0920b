#include "cli/commands.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "checker/result.hpp"
#include "cli/catalog.hpp"
#include "counterexamples/msc.hpp"
#include "counterexamples/trace_json.hpp"

namespace interleave {

namespace {

constexpr int kBadInput = 2;

// Numbers are read as text and parsed here, strictly in base 10: CLI11 would read "010" as
// octal, "0x10" as hex, and clamp out-of-range values without a word.
struct CheckOptions {
  RunParameters run;
  std::string network = "bag";
  std::string strategy = "bfs";
  std::optional<std::string> n, requests, crashes, max_states_text, max_depth_text, time_limit_text;
  std::uint64_t max_states = 0;  // 0: no limit
  std::uint32_t max_depth = 0;   // 0: no limit
  double time_limit = 0;         // 0: no limit
  std::optional<std::string> trace_json;
  std::vector<std::string> properties;  // --property, as given
  bool json = false;
  bool quiet_progress = false;
};

// A decimal integer in [min, max]: digits with an optional minus sign, no leading zeros.
long long parse_integer(std::string_view flag, const std::string& text, long long min,
                        long long max) {
  long long value = 0;
  auto digits = std::string_view(text).substr(!text.empty() && text[0] == '-' ? 1 : 0);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 10);
  if (digits.empty() || (digits.size() > 1 && digits[0] == '0') ||
      end != text.data() + text.size() || error == std::errc::invalid_argument) {
    throw BadInput(fmt::format("{} must be a decimal integer, got '{}'", flag, text));
  }
  if (error == std::errc::result_out_of_range || value < min || value > max) {
    throw BadInput(fmt::format("{} must be between {} and {}, got {}", flag, min, max, text));
  }
  return value;
}

double parse_seconds(std::string_view flag, const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || end != text.data() + text.size() || error != std::errc{} ||
      !std::isfinite(value)) {
    throw BadInput(fmt::format("{} must be a number of seconds, got '{}'", flag, text));
  }
  if (value < 0) throw BadInput(fmt::format("{} must not be negative, got {}", flag, text));
  return value;
}

void parse_numbers(CheckOptions& o) {
  constexpr long long kIntMax = std::numeric_limits<int>::max();
  if (o.n) o.run.n = static_cast<int>(parse_integer("--n", *o.n, -kIntMax, kIntMax));
  if (o.requests) {
    o.run.requests = static_cast<int>(parse_integer("--requests", *o.requests, -kIntMax, kIntMax));
  }
  if (o.crashes) {
    o.run.semantics.max_crashes =
        static_cast<int>(parse_integer("--crashes", *o.crashes, -kIntMax, kIntMax));
  }
  if (o.max_states_text) {
    o.max_states = static_cast<std::uint64_t>(
        parse_integer("--max-states", *o.max_states_text, 0, 0xffffffffLL));
  }
  if (o.max_depth_text) {
    o.max_depth = static_cast<std::uint32_t>(
        parse_integer("--max-depth", *o.max_depth_text, 0, 0xfffffffeLL));
  }
  if (o.time_limit_text) o.time_limit = parse_seconds("--time-limit", *o.time_limit_text);
}

void print_list() {
  fmt::print("Algorithms (interleave check ALGORITHM [--variant V] ...):\n\n");
  for (const auto& a : catalog()) {
    fmt::print("{}\n  {}\n  source: {}\n  variants:\n", a.name, a.summary, a.source);
    for (const auto& v : a.variants) fmt::print("    {:<12} {}\n", v.name, v.description);
    fmt::print("  parameters:\n");
    for (const auto& p : a.parameters) fmt::print("    {:<12} {}\n", p.flag, p.description);
    fmt::print("  properties:");
    auto instance =
        a.make(RunParameters{.algorithm = a.name, .semantics = {.track_causality = true}});
    for (const auto& p : instance.model->properties())
      fmt::print(" {} ({});", property_slug(p.name), to_string(p.kind));
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

std::string steps_text(std::size_t n) {
  return fmt::format("{} step{}", n, n == 1 ? "" : "s");
}

void print_report(const SearchResult& result) {
  fmt::print("\n");
  std::size_t width = 0;
  for (const auto& p : result.properties) width = std::max(width, p.name.size());
  for (const auto& p : result.properties) {
    std::string note;
    if (p.trace && p.trace->kind == TraceKind::Example) {
      note = fmt::format("(reached in {})", steps_text(p.trace->length()));
    } else if (p.trace) {
      note = fmt::format("({} after {})", to_string(p.trace->kind), steps_text(p.trace->length()));
    } else if (p.verdict == Verdict::Incomplete) {
      note = "(not decided before the search stopped)";
    }
    auto line = fmt::format("  {:<{}}  {:<10} {}", p.name, width, to_string(p.verdict), note);
    fmt::print("{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
  }
  std::string violated;
  for (const auto& p : result.properties) {
    if (p.verdict == Verdict::Violated) violated += (violated.empty() ? "" : ", ") + p.name;
  }
  fmt::print("\nverdict: {}{}\n", to_string(result.overall()),
             violated.empty() ? std::string() : " (" + violated + ")");
  fmt::print("stopped: {}\n", to_string(result.stop));
  fmt::print("{}\n", format_statistics(result.stats));
  for (const auto& p : result.properties) {
    if (p.verdict != Verdict::Violated || !p.trace) continue;
    bool shortest = result.strategy == Strategy::BreadthFirst;
    fmt::print("\nCounterexample to \"{}\": {}, {} ({}):\n\n", p.name, to_string(p.trace->kind),
               steps_text(p.trace->length()),
               shortest ? "a shortest one: breadth-first search"
                        : "found by depth-first search, not necessarily shortest");
    fmt::print("{}", render_text_msc(*p.trace));
  }
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
  parse_numbers(o);

  // The ordering property needs happened-before ghost state, which multiplies states: it is
  // tracked, and checked, only when asked for by name.
  o.run.semantics.track_causality =
      std::find(o.properties.begin(), o.properties.end(), "ordering") != o.properties.end();
  auto instance = make_instance(o.run);

  // --property NAME: the CLI name ("mutual-exclusion") or the report's ("mutual exclusion").
  std::vector<std::string> selected;
  auto known = instance.model->properties();
  for (const auto& wanted : o.properties) {
    auto match = std::find_if(known.begin(), known.end(), [&](const PropertyInfo& p) {
      return p.name == wanted || property_slug(p.name) == wanted;
    });
    if (match == known.end()) {
      std::string names;
      for (const auto& p : known) names += (names.empty() ? "" : ", ") + property_slug(p.name);
      throw BadInput(fmt::format("unknown property '{}' of {} (known: {})", wanted,
                                 instance.run.algorithm, names));
    }
    selected.push_back(match->name);
  }

  std::ofstream trace_file;
  if (o.trace_json) {
    if (o.trace_json->empty()) throw BadInput("--trace-json needs a file name");
    trace_file.open(*o.trace_json);
    if (!trace_file)
      throw BadInput(fmt::format("cannot write --trace-json file '{}'", *o.trace_json));
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
                        .max_states = o.max_states,
                        .max_depth = o.max_depth,
                        .time_limit_seconds = o.time_limit,
                        .properties = selected,
                        .progress = o.quiet_progress ? nullptr : &progress};
  auto result = instance.model->check(options);

  if (o.json) {
    fmt::print("{}\n", result_json(result, instance).dump());
  } else {
    print_report(result);
  }

  if (trace_file.is_open()) {
    const auto* violation = result.first_violation();
    auto file = violation && violation->trace ? trace_file_json(*violation->trace, instance.run)
                                              : nlohmann::json{{"format", "interleave-trace"},
                                                               {"version", kTraceFormatVersion},
                                                               {"run", to_json(instance.run)},
                                                               {"trace", nullptr}};
    trace_file << file.dump(2) << '\n';
    trace_file.flush();
    if (!trace_file)
      throw BadInput(fmt::format("could not write --trace-json file '{}'", *o.trace_json));
    if (!o.json) {
      if (violation) {
        fmt::print("\ntrace written to {}\n", *o.trace_json);
      } else {
        fmt::print("\nno counterexample; {} records the run only\n", *o.trace_json);
      }
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
  check->add_option("--n", o.n, "number of processes");
  check->add_option("--sets", o.run.sets, "Maekawa voting sets, e.g. \"1,2;2,3;3,1\"");
  check->add_option("--requests", o.requests, "CS requests per process");
  check->add_option("--network", o.network, "bag (unordered) or fifo (per ordered pair)");
  check->add_option("--crashes", o.crashes, "processes that may crash-stop (default 0)");
  check->add_option("--strategy", o.strategy, "bfs (shortest traces) or dfs");
  check->add_option("--max-states", o.max_states_text,
                    "store at most this many states (0: no limit; verdict incomplete if hit)");
  check->add_option("--max-depth", o.max_depth_text,
                    "do not expand states at this depth (0: no limit; verdict incomplete if hit)");
  check->add_option("--time-limit", o.time_limit_text,
                    "stop after this many seconds (0: no limit; verdict incomplete if hit)");
  check->add_option("--property", o.properties,
                    "check only this property (repeatable; default: all), e.g. mutual-exclusion");
  check->add_option("--trace-json", o.trace_json,
                    "write the counterexample as a replayable JSON file");
  check->add_flag("--json", o.json, "print one JSON object instead of the report");
  check->add_flag("--no-progress", o.quiet_progress, "no progress lines on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
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
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "interleave: error: out of memory; the search is incomplete\n");
    return exit_code(Verdict::Incomplete);
  } catch (const std::exception& e) {
    fmt::print(stderr, "interleave: error: {}\n", e.what());
    return kBadInput;
  }
}

}  // namespace interleave
