#include "counterexamples/msc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace interleave {

namespace {

using Cell = std::vector<std::string>;  // the lines one step writes in one lifeline

// "->p2,p3 request(clock=1)": sends of the same message are written once.
void add_sends(Cell& cell, const std::vector<MessageRecord>& sends, const Trace& trace,
               std::string_view arrow, std::string_view suffix) {
  std::vector<std::pair<std::string, std::string>> grouped;  // message -> recipients
  for (const auto& m : sends) {
    auto it = std::find_if(grouped.begin(), grouped.end(),
                           [&](const auto& g) { return g.first == m.message; });
    if (it == grouped.end()) {
      grouped.emplace_back(m.message, trace.processes[m.to]);
    } else {
      it->second += "," + trace.processes[m.to];
    }
  }
  for (const auto& [message, to] : grouped) {
    cell.push_back(fmt::format("{}{} {}{}", arrow, to, message, suffix));
  }
}

std::vector<Cell> cells_for(const Trace& trace, const TraceStep& s) {
  std::vector<Cell> cells(trace.processes.size());
  const auto& step = s.step;
  if (step.actor >= 0 && static_cast<std::size_t>(step.actor) < cells.size()) {
    auto& cell = cells[step.actor];
    if (step.received) {
      cell.push_back(
          fmt::format("<-{} {}", trace.processes[step.received->from], step.received->message));
    } else if (step.action != "Crash") {
      cell.push_back(step.action);
    }
    add_sends(cell, step.sent, trace, "->", "");
    add_sends(cell, step.to_crashed, trace, "-> ", " (lost: receiver crashed)");
  }
  for (const auto& c : step.changes) {
    if (c.process >= 0 && static_cast<std::size_t>(c.process) < cells.size()) {
      cells[c.process].push_back(fmt::format("  {}: {} -> {}", c.field, c.before, c.after));
    }
  }
  if (step.crash && step.actor >= 0 && static_cast<std::size_t>(step.actor) < cells.size()) {
    auto& cell = cells[step.actor];
    cell.push_back("** CRASH **");
    add_sends(cell, step.dropped, trace, "-x ", " (never sent)");
    for (const auto& m : step.discarded) {
      cell.push_back(fmt::format("x<-{} {} (never received)", trace.processes[m.from], m.message));
    }
  }
  return cells;
}

std::string state_lines(const Trace& trace, const StateRecord& state) {
  std::string out;
  for (std::size_t p = 0; p < state.processes.size(); ++p) {
    bool crashed = std::find(state.crashed.begin(), state.crashed.end(), static_cast<int>(p)) !=
                   state.crashed.end();
    out += fmt::format("  {}{}:", trace.processes[p], crashed ? " (crashed)" : "");
    for (const auto& [name, value] : state.processes[p]) out += fmt::format(" {}={}", name, value);
    out += '\n';
  }
  out += "  in flight:";
  if (state.in_flight.empty()) out += " nothing";
  for (const auto& m : state.in_flight) {
    out += fmt::format(" {}->{} {};", trace.processes[m.from], trace.processes[m.to], m.message);
  }
  return out + '\n';
}

}  // namespace

std::string render_text_msc(const Trace& trace) {
  std::vector<std::vector<Cell>> rows;
  for (const auto& s : trace.steps) rows.push_back(cells_for(trace, s));

  std::vector<std::size_t> widths;
  for (const auto& name : trace.processes) widths.push_back(std::max<std::size_t>(name.size(), 8));
  for (const auto& row : rows) {
    for (std::size_t p = 0; p < row.size(); ++p) {
      for (const auto& line : row[p]) widths[p] = std::max(widths[p], line.size());
    }
  }

  std::string out = "initial state:\n" + state_lines(trace, trace.initial) + '\n';
  auto rule = [&] {
    std::string line = "-----+";
    for (auto w : widths) line += std::string(w + 2, '-') + '+';
    line.pop_back();
    return line + '\n';
  };
  out += " step|";
  for (std::size_t p = 0; p < widths.size(); ++p) {
    out +=
        fmt::format(" {:<{}} {}", trace.processes[p], widths[p], p + 1 < widths.size() ? "|" : "");
  }
  while (out.back() == ' ') out.pop_back();
  out += '\n' + rule();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t height = 1;
    for (const auto& cell : rows[r]) height = std::max(height, cell.size());
    for (std::size_t line = 0; line < height; ++line) {
      out += line == 0 ? fmt::format("{:>4} |", r + 1) : std::string("     |");
      for (std::size_t p = 0; p < widths.size(); ++p) {
        const auto& cell = rows[r][p];
        out += fmt::format(" {:<{}} {}", line < cell.size() ? cell[line] : "", widths[p],
                           p + 1 < widths.size() ? "|" : "");
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
    }
    out += rule();
  }
  const auto& last = trace.steps.empty() ? trace.initial : trace.steps.back().state;
  out += fmt::format("state after step {}:\n", trace.steps.size()) + state_lines(trace, last);
  return out;
}

}  // namespace interleave
