#pragma once

#include <QAccessibleInterface>

namespace Postern {

class LineView;

// The accessible interface of a LineView (a list whose items are the lines on screen), for
// QAccessible::installFactory.
QAccessibleInterface *lineViewAccessible(const QString &className, QObject *object);

// One line of a LineView for screen readers; LineView keeps them, registered, while they are on screen.
QAccessibleInterface *newLineItemAccessible(LineView *view, qsizetype line);

} // namespace Postern
