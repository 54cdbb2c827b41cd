#include "ui/widgets/variablehint.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Postern::VariableHint {

namespace {

const QString mask = u"\u2022\u2022\u2022\u2022\u2022\u2022"_s;

} // namespace

QString maskedResolution(const VariableResolver &unmasked, const QString &text)
{
    // Secrets stay masked at every depth: a plain variable may refer to a secret one.
    const VariableResolver resolver = unmasked.withSecretsMasked();
    QString result;
    qsizetype position = 0;
    for (const VariableResolver::Reference &ref : VariableResolver::references(text)) {
        result += QStringView(text).mid(position, ref.start - position);
        position = ref.start + ref.length;
        const std::optional<VariableResolver::Lookup> found = resolver.lookup(ref.name);
        if (!found)
            result += QStringView(text).mid(ref.start, ref.length);
        else if (found->secret)
            result += mask;
        else
            result += resolver.resolve(found->value);
    }
    result += QStringView(text).mid(position);
    return result;
}

QString tooltip(const VariableResolver &unmasked, const QString &text)
{
    const QList<VariableResolver::Reference> refs = VariableResolver::references(text);
    if (refs.isEmpty())
        return QString();
    const VariableResolver resolver = unmasked.withSecretsMasked();
    QStringList lines { QCoreApplication::translate("Postern::VariableHint", "Resolves to: %1")
                            .arg(maskedResolution(resolver, text).left(500)) };
    QStringList seen;
    for (const VariableResolver::Reference &ref : refs) {
        if (seen.contains(ref.name))
            continue;
        seen.append(ref.name);
        const std::optional<VariableResolver::Lookup> found = resolver.lookup(ref.name);
        if (!found) {
            lines.append(QCoreApplication::translate(
                             "Postern::VariableHint",
                             "{{%1}} is not defined in the environment, the collection or the globals")
                             .arg(ref.name));
            continue;
        }
        const QString value = found->secret ? mask : resolver.resolve(found->value).left(200);
        lines.append(u"{{%1}} = %2 (%3)"_s.arg(ref.name, value, variableScopeName(found->scope)));
    }
    return lines.join(u'\n');
}

bool hasUnresolved(const VariableResolver &resolver, const QString &text)
{
    return text.contains(u"{{"_s) && !resolver.unresolved(text).isEmpty();
}

} // namespace Postern::VariableHint
