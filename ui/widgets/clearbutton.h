#pragma once

#include "ui/widgets/firstframe.h"

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

// Gives edit its clear button, named, once its window's first frame is painted (at once in a window
// already on screen). For a field of the window's first frame: the button's icon is the icon theme's
// edit-clear, and the first lookup in the theme makes Qt read its index (hicolor's 3,800 lines, with
// QSettings), which that frame need not wait for.
inline void addClearButtonAfterFirstFrame(QLineEdit *edit, const QString &name)
{
    afterFirstFrame(edit, [edit, name] {
        edit->setClearButtonEnabled(true);
        nameClearButton(edit, name);
    });
}

} // namespace Postern
