#include "scripting/scriptevents.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern::ScriptEvents {

namespace {

bool isEvent(const QJsonValue &value, ScriptEvent event)
{
    return value.toObject().value(u"listen"_s).toString() == scriptEventKey(event);
}

} // namespace

QStringList texts(const QJsonArray &events, ScriptEvent event)
{
    QStringList parts;
    for (const QJsonValue &value : events) {
        const QJsonObject entry = value.toObject();
        if (!isEvent(value, event) || entry.value(u"disabled"_s).toBool())
            continue;
        const QJsonValue exec = entry.value(u"script"_s).toObject().value(u"exec"_s);
        if (exec.isArray()) {
            QStringList lines;
            for (const QJsonValue &line : exec.toArray())
                lines << line.toString();
            parts << lines.join(u'\n');
        } else if (exec.isString()) {
            parts << exec.toString();
        }
    }
    return parts;
}

QString text(const QJsonArray &events, ScriptEvent event)
{
    return texts(events, event).join(u'\n');
}

QJsonArray withText(const QJsonArray &events, ScriptEvent event, const QString &newText)
{
    if (newText == text(events, event))
        return events;
    QJsonArray lines;
    for (const QString &line : newText.split(u'\n'))
        lines.append(line);
    QJsonArray result;
    bool placed = false;
    for (const QJsonValue &value : events) {
        if (!isEvent(value, event)) {
            result.append(value);
            continue;
        }
        if (placed || newText.isEmpty())
            continue;
        QJsonObject entry = value.toObject();
        QJsonObject script = entry.value(u"script"_s).toObject();
        script.insert(u"exec"_s, lines);
        if (!script.contains(u"type"_s))
            script.insert(u"type"_s, u"text/javascript"_s);
        entry.insert(u"script"_s, script);
        entry.remove(u"disabled"_s);
        result.append(entry);
        placed = true;
    }
    if (!placed && !newText.isEmpty())
        result.append(QJsonObject {
            { u"listen"_s, scriptEventKey(event) },
            { u"script"_s, QJsonObject { { u"type"_s, u"text/javascript"_s }, { u"exec"_s, lines } } } });
    return result;
}

} // namespace Postern::ScriptEvents
