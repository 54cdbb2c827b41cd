#include "scripting/scriptvalues.h"

#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Postern {

QString scriptEventKey(ScriptEvent event)
{
    return event == ScriptEvent::PreRequest ? u"prerequest"_s : u"test"_s;
}

QString scriptEventName(ScriptEvent event)
{
    return event == ScriptEvent::PreRequest ? u"pre-request"_s : u"post-response"_s;
}

QString scriptTestOutcomeName(ScriptTest::Outcome outcome)
{
    switch (outcome) {
    case ScriptTest::Outcome::Passed:
        return u"passed"_s;
    case ScriptTest::Outcome::Failed:
        return u"failed"_s;
    case ScriptTest::Outcome::Skipped:
        break;
    }
    return u"skipped"_s;
}

QString ScriptScopes::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && qAbs(number) < 9007199254740992.0)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest); // as JavaScript's String()
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        break;
    }
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QString ScriptFailure::text() const
{
    QString place = where;
    if (line > 0)
        place += u", line %1"_s.arg(line);
    return u"%1 in %2: %3"_s.arg(name, place, message);
}

} // namespace Postern
