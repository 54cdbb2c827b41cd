#include "http/queryparams.h"

using namespace Qt::StringLiterals;

namespace Postern::QueryParams {

namespace {

struct Parts
{
    QString base; // everything before '?', or before '#' when there is no '?'
    QString query; // between '?' and '#', without either
    QString fragment; // from '#' on, '#' included
};

Parts split(const QString &urlText)
{
    Parts parts;
    qsizetype hash = urlText.indexOf(u'#');
    const QString beforeFragment = hash < 0 ? urlText : urlText.left(hash);
    parts.fragment = hash < 0 ? QString() : urlText.mid(hash);
    const qsizetype question = beforeFragment.indexOf(u'?');
    if (question < 0) {
        parts.base = beforeFragment;
    } else {
        parts.base = beforeFragment.left(question);
        parts.query = beforeFragment.mid(question + 1);
    }
    return parts;
}

} // namespace

KeyValueList parse(const QString &urlText)
{
    KeyValueList params;
    const QString query = split(urlText).query;
    if (query.isEmpty())
        return params;
    const QStringList pairs = query.split(u'&');
    for (const QString &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf(u'=');
        if (eq < 0)
            params.append({ pair, QString(), true, QString() });
        else
            params.append({ pair.left(eq), pair.mid(eq + 1), true, QString() });
    }
    return params;
}

QString compose(const QString &urlText, const KeyValueList &params)
{
    const Parts parts = split(urlText);
    // "?flag=" and "?flag" are different requests: an empty value keeps the '=' the URL had.
    QStringList emptyWithEquals;
    for (const QString &pair : parts.query.split(u'&')) {
        if (pair.endsWith(u'=') && pair.indexOf(u'=') == pair.size() - 1)
            emptyWithEquals.append(pair.chopped(1));
    }
    QString query;
    for (const KeyValue &param : params) {
        if (!param.enabled || (param.key.isEmpty() && param.value.isEmpty()))
            continue;
        if (!query.isEmpty())
            query += u'&';
        query += param.key;
        if (!param.value.isEmpty())
            query += u'=' + param.value;
        else if (emptyWithEquals.contains(param.key))
            query += u'=';
    }
    QString result = parts.base;
    if (!query.isEmpty())
        result += u'?' + query;
    return result + parts.fragment;
}

KeyValueList merge(const KeyValueList &table, const QString &urlText)
{
    KeyValueList merged = parse(urlText);
    // Keep descriptions of rows that survived the edit unchanged.
    for (KeyValue &row : merged) {
        for (const KeyValue &old : table) {
            if (old.enabled && old.key == row.key && old.value == row.value) {
                row.description = old.description;
                break;
            }
        }
    }
    for (const KeyValue &old : table) {
        if (!old.enabled)
            merged.append(old);
    }
    return merged;
}

} // namespace Postern::QueryParams
