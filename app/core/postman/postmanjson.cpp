#include "postman/postmanjson.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Postern::PostmanJson {

void Notes::add(const QString &where, const QString &what)
{
    m_lines.append(where + u": "_s + what);
}

void Notes::add(const QString &line)
{
    m_lines.append(line);
}

QString requestLabel(const QString &name)
{
    return QCoreApplication::translate("Postern::PostmanJson", "Request “%1”").arg(name.left(80));
}

QString folderLabel(const QString &name)
{
    return QCoreApplication::translate("Postern::PostmanJson", "Folder “%1”").arg(name.left(80));
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return QCoreApplication::translate("Postern::PostmanJson", "true or false");
    case QJsonValue::Double:
        return QCoreApplication::translate("Postern::PostmanJson", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("Postern::PostmanJson", "text");
    case QJsonValue::Array:
        return QCoreApplication::translate("Postern::PostmanJson", "a list");
    case QJsonValue::Object:
        return QCoreApplication::translate("Postern::PostmanJson", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Postern::PostmanJson", "missing");
}

QString text(const QJsonValue &value, bool *wrongType)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (isWholeNumber(number))
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    if (wrongType)
        *wrongType = true;
    return QString();
}

QString readDescription(const QJsonValue &value, QJsonObject *format, bool *wrongType)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QString content = text(object.take(u"content"_s), wrongType);
        *format = object;
        return content;
    }
    return text(value, wrongType);
}

QJsonValue writeDescription(const QString &description, const QJsonObject &format)
{
    if (!format.isEmpty()) {
        QJsonObject object = format;
        object.insert(u"content"_s, description);
        return object;
    }
    if (description.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return description;
}

Params params(const QJsonValue &value, bool *wrongType)
{
    Params list;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            const QJsonObject object = entry.toObject();
            if (!entry.isObject() || !object.value(u"key"_s).isString()) {
                if (wrongType)
                    *wrongType = true;
                continue;
            }
            list.append({ object.value(u"key"_s).toString(), object.value(u"value"_s) });
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            list.append({ it.key(), it.value() });
    } else if (!value.isUndefined() && !value.isNull() && wrongType) {
        *wrongType = true;
    }
    return list;
}

QJsonArray paramsToArray(const Params &params)
{
    QJsonArray array;
    for (const auto &[key, value] : params) {
        const QString type = value.isBool() ? u"boolean"_s
            : value.isDouble()              ? u"number"_s
            : value.isString()              ? u"string"_s
                                            : u"any"_s;
        array.append(QJsonObject { { u"key"_s, key }, { u"value"_s, value }, { u"type"_s, type } });
    }
    return array;
}

void merge(QJsonObject &target, const QJsonObject &foreign)
{
    for (auto it = foreign.constBegin(); it != foreign.constEnd(); ++it) {
        const auto existing = target.constFind(it.key());
        if (existing == target.constEnd()) {
            target.insert(it.key(), it.value());
        } else if (existing->isObject() && it->isObject()) {
            QJsonObject inner = existing->toObject();
            merge(inner, it->toObject());
            target.insert(it.key(), inner);
        }
    }
}

bool isSecretParam(const QString &authType, const QString &name)
{
    static const QSet<QString> secretNames {
        u"password"_s,    u"secretKey"_s,   u"sessionToken"_s, u"clientSecret"_s,   u"client_secret"_s,
        u"accessToken"_s, u"clientToken"_s, u"authKey"_s,      u"consumerSecret"_s, u"tokenSecret"_s,
        u"token"_s,       u"secret"_s,      u"privateKey"_s,   u"refreshToken"_s,   u"code_verifier"_s,
    };
    if (authType == u"apikey"_s && name == u"value"_s)
        return true;
    return secretNames.contains(name);
}

bool isReference(const QString &value)
{
    static const QRegularExpression references(u"^\\s*(\\{\\{[^{}]+\\}\\}\\s*)+$"_s);
    return references.match(value).hasMatch();
}

bool isLiteralSecret(const QString &value)
{
    return !value.isEmpty() && !isReference(value);
}

namespace {

// Empties (or, with restore, fills back) the secret parameters of one auth type's list or object.
QJsonValue blankParams(const QString &authType, const QJsonValue &value, QStringList *blanked,
                       QHash<QString, QString> *taken, const QHash<QString, QString> *restore)
{
    const auto visit = [&](const QString &name, const QString &where, QJsonValue *param) {
        if (!isSecretParam(authType, name))
            return;
        const QString path = authType + u'/' + where;
        if (restore) {
            if (text(*param).isEmpty() && restore->contains(path))
                *param = restore->value(path);
            return;
        }
        if (!isLiteralSecret(text(*param)))
            return;
        if (taken)
            taken->insert(path, text(*param));
        *param = QString();
        if (blanked && !blanked->contains(name))
            blanked->append(name);
    };
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonObject entry = array.at(i).toObject();
            QJsonValue param = entry.value(u"value"_s);
            const QJsonValue before = param;
            visit(entry.value(u"key"_s).toString(), QString::number(i), &param);
            if (param != before) {
                entry.insert(u"value"_s, param);
                array.replace(i, entry);
            }
        }
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue param = it.value();
            const QJsonValue before = param;
            visit(it.key(), it.key(), &param);
            if (param != before)
                *it = param;
        }
        return object;
    }
    return value;
}

QJsonObject walkSecrets(const QJsonObject &auth, QStringList *blanked, QHash<QString, QString> *taken,
                        const QHash<QString, QString> *restore)
{
    QJsonObject result = auth;
    for (auto it = result.begin(); it != result.end(); ++it) {
        if (it.key() != u"type"_s)
            *it = blankParams(it.key(), it.value(), blanked, taken, restore);
    }
    return result;
}

} // namespace

QJsonObject blankSecrets(const QJsonObject &auth, QStringList *blanked, QHash<QString, QString> *taken)
{
    return walkSecrets(auth, blanked, taken, nullptr);
}

QJsonObject restoreSecrets(const QJsonObject &auth, const QHash<QString, QString> &taken)
{
    return walkSecrets(auth, nullptr, nullptr, &taken);
}

RowExtras RowExtras::fromJson(const QJsonValue &value)
{
    RowExtras extras;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &row : array) {
        const QJsonObject object = row.toObject();
        extras.add(object.value(u"key"_s).toString(), object.value(u"fields"_s).toObject());
    }
    return extras;
}

QJsonArray RowExtras::toJson() const
{
    QJsonArray array;
    for (const auto &[key, extra] : m_rows)
        array.append(QJsonObject { { u"key"_s, key }, { u"fields"_s, extra } });
    return array;
}

void RowExtras::add(const QString &key, const QJsonObject &extra)
{
    if (!extra.isEmpty())
        m_rows.append({ key, extra });
}

QJsonObject RowExtras::take(const QString &key)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).first == key)
            return m_rows.takeAt(i).second;
    }
    return {};
}

QString count(qsizetype n, const QString &singular, const QString &plural)
{
    return QString::number(n) + u' ' + (n == 1 ? singular : plural);
}

} // namespace Postern::PostmanJson
