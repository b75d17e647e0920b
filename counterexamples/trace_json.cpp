#include "counterexamples/trace_json.hpp"

namespace interleave {

namespace {

nlohmann::json to_json(const MessageRecord& m, const Trace& trace) {
  return {{"from", trace.processes.at(m.from)},
          {"to", trace.processes.at(m.to)},
          {"message", m.message}};
}

nlohmann::json to_json(const StateRecord& s, const Trace& trace) {
  nlohmann::json processes = nlohmann::json::object();
  for (std::size_t p = 0; p < s.processes.size(); ++p) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, value] : s.processes[p]) fields[name] = value;
    processes[trace.processes.at(p)] = fields;
  }
  nlohmann::json crashed = nlohmann::json::array();
  for (int p : s.crashed) crashed.push_back(trace.processes.at(p));
  nlohmann::json in_flight = nlohmann::json::array();
  for (const auto& m : s.in_flight) in_flight.push_back(to_json(m, trace));
  return {
      {"processes", processes}, {"crashed", crashed}, {"in_flight", in_flight}, {"text", s.text}};
}

nlohmann::json pairs_to_object(const std::vector<std::pair<std::string, std::string>>& pairs) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : pairs) object[key] = value;
  return object;
}

}  // namespace

nlohmann::json to_json(const Trace& trace) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : trace.steps) {
    nlohmann::json step = {{"action_index", s.action_index},
                           {"action", s.step.action},
                           {"actor", s.step.actor >= 0 ? trace.processes.at(s.step.actor) : ""},
                           {"crash", s.step.crash}};
    if (s.step.received) step["received"] = to_json(*s.step.received, trace);
    step["sent"] = nlohmann::json::array();
    for (const auto& m : s.step.sent) step["sent"].push_back(to_json(m, trace));
    for (const auto& [key, messages] :
         {std::pair{"dropped", &s.step.dropped}, std::pair{"to_crashed", &s.step.to_crashed},
          std::pair{"discarded", &s.step.discarded}}) {
      step[key] = nlohmann::json::array();
      for (const auto& m : *messages) step[key].push_back(to_json(m, trace));
    }
    step["changes"] = nlohmann::json::array();
    for (const auto& c : s.step.changes) {
      step["changes"].push_back({{"process", trace.processes.at(c.process)},
                                 {"field", c.field},
                                 {"before", c.before},
                                 {"after", c.after}});
    }
    step["state"] = to_json(s.state, trace);
    steps.push_back(std::move(step));
  }
  nlohmann::json key = {{"initial", trace.initial_index}, {"actions", trace.replay_key().actions}};
  return {{"property", trace.property},
          {"kind", std::string(to_string(trace.kind))},
          {"length", trace.length()},
          {"processes", trace.processes},
          {"replay", key},
          {"initial_state", to_json(trace.initial, trace)},
          {"steps", steps}};
}

nlohmann::json to_json(const RunDescription& run) {
  return {{"algorithm", run.algorithm},
          {"variant", run.variant},
          {"parameters", pairs_to_object(run.parameters)},
          {"semantics", pairs_to_object(run.semantics)}};
}

nlohmann::json trace_file_json(const Trace& trace, const RunDescription& run) {
  nlohmann::json file = {{"format", "interleave-trace"}, {"version", kTraceFormatVersion}};
  file["run"] = to_json(run);
  file["trace"] = to_json(trace);
  return file;
}

}  // namespace interleave
