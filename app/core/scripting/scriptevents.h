#pragma once

#include "scripting/scriptvalues.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace Postern {

// Postman's "event" list as a collection file holds it ([{listen: "prerequest" | "test", script: {type,
// exec: [lines] | "text"}}, …]) and the script text of one event in it.
namespace ScriptEvents {

// The text of the event's scripts (exec lines joined by line breaks; several entries joined too;
// disabled ones left out): what the script editor shows.
QString text(const QJsonArray &events, ScriptEvent event);
// The same, one text per entry: what runs, each entry as a script of its own (as in Postman, where a
// script that throws does not stop the next entry's).
QStringList texts(const QJsonArray &events, ScriptEvent event);

// The list with the event's script set to text: the first entry of that event keeps its other fields
// and gets the new lines, later ones go; an empty text removes them; a new entry is added at the end.
// When text equals text(events, event), the list comes back unchanged, byte for byte.
QJsonArray withText(const QJsonArray &events, ScriptEvent event, const QString &text);

} // namespace ScriptEvents

} // namespace Postern
