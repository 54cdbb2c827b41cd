#pragma once

#include "http/httprequest.h"
#include "ui/widgets/rowtablemodel.h"

namespace Postern {

// The parts of a multipart/form-data body as table rows: the user's parts, then one empty row at the
// end (typing into it adds a part). The Key column's check box says whether a part is sent, the File
// column's whether its value is the path of a file to send rather than text.
class FormPartsModel : public RowTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, FileColumn, ValueColumn, ContentTypeColumn, DescriptionColumn, ColumnCount };

    explicit FormPartsModel(QObject *parent = nullptr);

    QList<FormPart> parts() const { return m_parts; }
    void setParts(const QList<FormPart> &parts);

    // Makes the row a file part sending path (a new part when row is the empty last row).
    void setFile(int row, const QString &path);
    void removePart(int row);

    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The user changed the parts (not emitted by setParts()).
    void partsEdited();

protected:
    int filledRowCount() const override { return int(m_parts.size()); }

private:
    QList<FormPart> m_parts;
};

} // namespace Postern
