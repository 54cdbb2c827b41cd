#include "ui/request/formpartseditor.h"

using namespace Qt::StringLiterals;

namespace Postern {

FormPartsEditor::FormPartsEditor(const QString &accessibleName, QWidget *parent)
    : RowTableView(accessibleName,
                   tr("Form-data parts. Type in the last row to add one; Space toggles whether a part is "
                      "sent, or in the File column whether its value is a file; Delete removes the "
                      "current part."),
                   parent)
    , m_model(new FormPartsModel(this))
{
    setRowModel(m_model, { 180, 70, 280, 140 }); // Key, File, Value, Content type
}

void FormPartsEditor::removeCurrentRow()
{
    const QModelIndex current = currentIndex();
    if (current.isValid() && !m_model->isPlaceholderRow(current.row()))
        m_model->removePart(current.row());
}

} // namespace Postern
