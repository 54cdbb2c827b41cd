#pragma once

#include "ui/request/formpartsmodel.h"
#include "ui/widgets/rowtableview.h"

namespace Postern {

// The form-data table of the Body tab over a FormPartsModel. Keyboard as in the other tables: F2 or
// typing edits a cell, Space toggles a check box (sent; file), Delete removes the current part.
class FormPartsEditor : public RowTableView
{
    Q_OBJECT

public:
    explicit FormPartsEditor(const QString &accessibleName, QWidget *parent = nullptr);

    FormPartsModel *formPartsModel() const { return m_model; }

protected:
    void removeCurrentRow() override;

private:
    FormPartsModel *m_model;
};

} // namespace Postern
