#pragma once

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace Postern {

// Names the clear button that QLineEdit::setClearButtonEnabled() adds ("Clear URL"): Qt gives the
// button neither text nor an accessible name, so a screen reader would say only "button".
inline void nameClearButton(QLineEdit *edit, const QString &name)
{
    const QList<QAction *> actions = edit->actions();
    for (QAction *action : actions) {
        if (action->text().isEmpty()) {
            action->setText(name);
            action->setToolTip(name);
        }
    }
    const QList<QToolButton *> buttons
        = edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons)
        button->setAccessibleName(name);
}

} // namespace Postern
