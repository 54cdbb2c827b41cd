#pragma once

#include "workspace/variables.h"

#include <QString>

namespace Postern {

// What the UI says about the {{name}} references in one piece of text: the text with every defined
// reference replaced (secret values shown as dots), and which names are defined nowhere.
namespace VariableHint {

// "Resolves to: …" plus one line per reference ("{{instance}} = dev1 (environment)", "{{x}} is not
// defined"); empty when the text has no reference.
QString tooltip(const VariableResolver &resolver, const QString &text);
// The text resolved for display: secret values masked.
QString maskedResolution(const VariableResolver &resolver, const QString &text);
bool hasUnresolved(const VariableResolver &resolver, const QString &text);

} // namespace VariableHint

} // namespace Postern
