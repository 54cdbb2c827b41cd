#include "ui/widgets/keyvalueeditor.h"

#include <QAction>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace Postern {

KeyValueEditor::KeyValueEditor(const QString &accessibleName, QWidget *parent)
    : KeyValueEditor(accessibleName, nullptr, parent)
{
}

KeyValueEditor::KeyValueEditor(const QString &accessibleName, KeyValueModel *model, QWidget *parent)
    : RowTableView(accessibleName,
                   tr("Key and value rows. Type in the last row to add one; Delete removes the current "
                      "row; Space toggles whether a row is sent."),
                   parent)
    , m_model(model ? model : new KeyValueModel(this))
{
    setRowModel(m_model, { 220, 320 }); // Key, Value
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &KeyValueEditor::showContextMenu);
}

void KeyValueEditor::removeCurrentRow()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || m_model->isAutomaticRow(current.row())
        || m_model->isPlaceholderRow(current.row()))
        return;
    m_model->removeUserRow(current.row());
}

void KeyValueEditor::showContextMenu(const QPoint &pos)
{
    QModelIndex index = indexAt(pos);
    if (!index.isValid())
        index = currentIndex(); // the menu key: the current cell
    if (!index.isValid() || m_model->isPlaceholderRow(index.row()))
        return;
    setCurrentIndex(index);
    QMenu menu(this);
    if (m_model->isSecretRow(index.row())) {
        QAction *show = menu.addAction(tr("&Show Authorization Value"));
        show->setCheckable(true);
        show->setChecked(m_model->secretsShown());
        connect(show, &QAction::toggled, m_model, &KeyValueModel::setSecretsShown);
    } else if (m_model->isAutomaticRow(index.row())) {
        return;
    } else {
        menu.addAction(tr("Delete Row"), QKeySequence::Delete, this, &KeyValueEditor::removeCurrentRow);
    }
    menu.exec(viewport()->mapToGlobal(visualRect(index).center()));
}

} // namespace Postern
