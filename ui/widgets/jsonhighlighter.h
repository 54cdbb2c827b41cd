#pragma once

#include "ui/widgets/palette.h"

#include <QList>
#include <QStringView>

namespace Postern::JsonHighlight {

// A coloured run of a pretty JSON line: a key, a string, a number or true/false/null.
struct Span
{
    qsizetype start = 0;
    qsizetype length = 0;
    ColorRole role = ColorRole::JsonString;
};

// The coloured runs of one line of JsonIndex's pretty form, in order; text between them takes the plain
// colour. No string spans two lines there, so each line is read on its own.
QList<Span> spans(QStringView line);

} // namespace Postern::JsonHighlight
