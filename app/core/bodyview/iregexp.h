#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace Postern {

// I-Regexp (RFC 9485), the regular expressions of JSONPath's match() and search() (RFC 9535 §2.4.6,
// §2.4.7), checked against its grammar and rewritten for QRegularExpression (PCRE2): '.' becomes
// "any character but LF and CR", '^' and '$' are plain characters, every other literal is written as a
// code point, groups do not capture. What I-Regexp leaves out (anchors, backreferences, lazy
// quantifiers, \d and friends, lookaround) is not an I-Regexp: toPcre() gives nothing for it.
// Stateless; patterns from a hostile body are handled in linear time and nest at most MaxNesting deep.
class IRegexp
{
public:
    enum class Mode { Whole, Anywhere }; // match(): the whole string; search(): any substring

    static constexpr int MaxNesting = 64;

    // The PCRE form of an I-Regexp, or nothing when pattern is not one.
    static std::optional<QString> toPcre(const QString &pattern);
    // The compiled expression, or nothing when pattern is not an I-Regexp (or PCRE refuses it, as it
    // does a repeat count over 65535).
    static std::optional<QRegularExpression> compile(const QString &pattern, Mode mode);
};

} // namespace Postern
