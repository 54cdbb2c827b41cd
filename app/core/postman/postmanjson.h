#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Postern::PostmanJson {

// What the Postman readers and writers share: tolerant reading of fields that Postman's own files fill
// loosely (a description as text or {content,type}; auth parameters as v2.0's {name: value} or v2.1's
// [{key,value,type}]), the import summary's lines, and putting back what an import kept aside.
//
// An import keeps what Postern cannot represent in the model's `foreign` object under "postman"; the
// layout of that object is private to these files (see PostmanCollection).

// The import summary: one human-readable line per thing the user should know about.
class Notes
{
public:
    void add(const QString &where, const QString &what);
    void add(const QString &line);
    const QStringList &lines() const { return m_lines; }

private:
    QStringList m_lines;
};

// "Request “Login”", "Folder “Admin”", for the start of a summary line.
QString requestLabel(const QString &name);
QString folderLabel(const QString &name);

// For messages: "a number", "a list", "text", …
QString typeName(const QJsonValue &value);

// Whether number is a whole number that text() writes without a fraction or an exponent. The range is
// checked before any conversion to an integer, so that a number like 1e300 is never converted.
constexpr bool isWholeNumber(double number)
{
    return number > -1e15 && number < 1e15 && number == double(qint64(number));
}

// Text from a string, a number or a boolean; empty for null or a missing value. Anything else gives
// empty text and sets *wrongType.
QString text(const QJsonValue &value, bool *wrongType = nullptr);

// A description: text, {content, type, version} or null. The object's other keys come back in *format
// so that writeDescription() can give the same shape back.
QString readDescription(const QJsonValue &value, QJsonObject *format, bool *wrongType = nullptr);
// Undefined (leave the key out) when there is neither text nor a format to keep.
QJsonValue writeDescription(const QString &description, const QJsonObject &format);

// Postman's auth parameters in either shape, in order. *wrongType when the value is neither a list of
// {key, value} objects nor an object.
using Params = QList<QPair<QString, QJsonValue>>;
Params params(const QJsonValue &value, bool *wrongType = nullptr);
// v2.1's shape: [{key, value, type}].
QJsonArray paramsToArray(const Params &params);

// Adds to target whatever foreign has that target lacks; objects present in both are merged the same
// way, everything else in target wins.
void merge(QJsonObject &target, const QJsonObject &foreign);

// Whether an auth parameter of that name holds a secret (a password, a key, a token).
bool isSecretParam(const QString &authType, const QString &name);
// Whether value is only {{variable}} references ("{{token}}", "{{a}}{{b}}"): how collections share
// credentials without holding them. Such a value is not a secret and is never left out.
bool isReference(const QString &value);
// Whether value is a secret to leave out: not empty and not only references.
bool isLiteralSecret(const QString &value);
// The auth object with every secret parameter's literal value emptied; the names emptied go to
// *blanked, their values (by "TYPE/INDEX" for a list entry, "TYPE/NAME" for an object's) to *taken.
QJsonObject blankSecrets(const QJsonObject &auth, QStringList *blanked,
                         QHash<QString, QString> *taken = nullptr);
// Puts back into an emptied auth object the values blankSecrets() took.
QJsonObject restoreSecrets(const QJsonObject &auth, const QHash<QString, QString> &taken);

// The fields of table rows (headers, query, form fields, variables) that Postern has no column for,
// matched back to rows by key when exporting: the first row with a key takes the first extras kept for it.
class RowExtras
{
public:
    static RowExtras fromJson(const QJsonValue &value);
    QJsonArray toJson() const;
    void add(const QString &key, const QJsonObject &extra);
    QJsonObject take(const QString &key);
    bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QList<QPair<QString, QJsonObject>> m_rows;
};

// "1 request", "2 requests".
QString count(qsizetype n, const QString &singular, const QString &plural);

} // namespace Postern::PostmanJson
