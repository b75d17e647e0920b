// The one place where models are type-erased: the registry the CLI uses holds AnyModel values,
// while engines stay templates over concrete models so their hot loops are monomorphic.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "checker/replay.hpp"
#include "checker/result.hpp"
#include "checker/search.hpp"

namespace interleave {

struct PropertyInfo {
  std::string name;
  PropertyKind kind;
};

class AnyModel {
 public:
  virtual ~AnyModel() = default;
  [[nodiscard]] virtual SearchResult check(const SearchOptions& options) const = 0;
  virtual Trace replay(const ReplayKey& key, std::string property, TraceKind kind) const = 0;
  virtual std::vector<PropertyInfo> properties() const = 0;
  virtual std::vector<std::string> process_names() const = 0;
};

template <Model M>
class ModelHolder final : public AnyModel {
 public:
  explicit ModelHolder(M model) : model_(std::move(model)) {}

  SearchResult check(const SearchOptions& options) const override {
    return search(model_, options);
  }

  Trace replay(const ReplayKey& key, std::string property, TraceKind kind) const override {
    return build_trace(model_, key, std::move(property), kind);
  }

  std::vector<PropertyInfo> properties() const override {
    std::vector<PropertyInfo> out{{std::string(kDeadlockFreedom), PropertyKind::DeadlockFreedom}};
    for (const auto& p : model_.properties()) out.push_back({p.name, p.kind});
    return out;
  }

  std::vector<std::string> process_names() const override { return model_.process_names(); }

  const M& model() const { return model_; }

 private:
  M model_;
};

template <Model M>
std::unique_ptr<AnyModel> make_any_model(M model) {
  return std::make_unique<ModelHolder<M>>(std::move(model));
}

}  // namespace interleave
