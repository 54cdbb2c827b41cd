#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace Postern {

// The labelled form row every form here is made of: a caption whose mnemonic reaches the field (its
// buddy) and a field that a screen reader names. The accessible name is accessibleName, or when that
// is empty the caption itself without its mnemonic '&' and trailing ':'.
QLabel *addLabelledRow(QFormLayout *form, const QString &label, QWidget *field,
                       const QString &accessibleName = QString());

// The same for a row that holds more than the field (the field and its buttons): row is laid out,
// field is the buddy that gets the accessible name.
QLabel *addLabelledRow(QFormLayout *form, const QString &label, QWidget *field, QLayout *row,
                       const QString &accessibleName = QString());

// The caption alone, for a field outside a form (a list under its title, a combo box in a tool bar):
// the same buddy and accessible name; the caller lays both out.
QLabel *captionFor(const QString &label, QWidget *field, const QString &accessibleName = QString());

// "&Client ID:" -> "Client ID"; "&&" stays one '&'.
QString accessibleNameFromLabel(const QString &label);

} // namespace Postern
