#include "ui/widgets/formrow.h"

#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace Postern {

QLabel *captionFor(const QString &label, QWidget *field, const QString &accessibleName)
{
    field->setAccessibleName(accessibleName.isEmpty() ? accessibleNameFromLabel(label) : accessibleName);
    auto *caption = new QLabel(label, field->parentWidget());
    caption->setBuddy(field);
    return caption;
}

QLabel *addLabelledRow(QFormLayout *form, const QString &label, QWidget *field, const QString &accessibleName)
{
    QLabel *caption = captionFor(label, field, accessibleName);
    form->addRow(caption, field);
    return caption;
}

QLabel *addLabelledRow(QFormLayout *form, const QString &label, QWidget *field, QLayout *row,
                       const QString &accessibleName)
{
    QLabel *caption = captionFor(label, field, accessibleName);
    form->addRow(caption, row);
    return caption;
}

QString accessibleNameFromLabel(const QString &label)
{
    QString name;
    name.reserve(label.size());
    for (qsizetype i = 0; i < label.size(); ++i) {
        if (label.at(i) == u'&' && i + 1 < label.size()) {
            ++i; // "&x" is a mnemonic, "&&" a literal '&'
            if (label.at(i) != u'&') {
                name.append(label.at(i));
                continue;
            }
        }
        name.append(label.at(i));
    }
    name = name.trimmed();
    if (name.endsWith(u':'))
        name.chop(1);
    return name.trimmed();
}

} // namespace Postern
