// The one exception type the core throws for bad input. It names the field
// at fault so that the page can mark it and the CLI can print it; the
// message is a full sentence meant for people.
#pragma once

#include <stdexcept>
#include <string>

namespace llmcalc {

class InputError : public std::invalid_argument {
 public:
  InputError(std::string field, const std::string& message)
      : std::invalid_argument(message), field_(std::move(field)) {}
  const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
};

}  // namespace llmcalc
