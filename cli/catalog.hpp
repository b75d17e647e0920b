// The catalog: every algorithm the CLI can check, how its parameters are read, and the one
// place where a concrete AsyncSystem<Algorithm> becomes an AnyModel.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/any_model.hpp"
#include "counterexamples/trace.hpp"
#include "models/semantics.hpp"

namespace interleave {

// Bad input from the user: reported as one line on stderr, exit code 2.
struct BadInput : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The command line's algorithm parameters, as given (unset ones take the algorithm's default).
struct RunParameters {
  std::string algorithm;
  std::optional<std::string> variant;
  std::optional<int> n;
  std::optional<std::string> sets;
  std::optional<int> requests;
  AsyncSemantics semantics;
};

struct VariantInfo {
  std::string name;
  std::string description;
};

struct ParameterInfo {
  std::string flag;  // "--n"
  std::string description;
};

// A model ready to check, with what the run header and trace files say about it.
struct Instance {
  std::unique_ptr<AnyModel> model;
  RunDescription run;
  std::vector<std::string> header;  // extra header lines, e.g. the voting sets
};

struct AlgorithmInfo {
  std::string name;
  std::string summary;
  std::string source;                 // lecture slides and paper
  std::vector<VariantInfo> variants;  // the first is the default
  std::vector<ParameterInfo> parameters;
  std::string symmetry;  // which symmetry reductions the model allows (none yet)
  std::function<Instance(const RunParameters&)> make;  // throws BadInput
};

const std::vector<AlgorithmInfo>& catalog();
const AlgorithmInfo& find_algorithm(const std::string& name);  // throws BadInput

// Builds the model a run (or a trace file) describes; throws BadInput.
Instance make_instance(const RunParameters& parameters);

}  // namespace interleave
