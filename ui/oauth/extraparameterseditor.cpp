#include "ui/oauth/extraparameterseditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

ExtraParametersEditor::ExtraParametersEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"extraParameters"_s);
    m_table->setAccessibleName(tr("Extra parameters"));
    m_table->setHorizontalHeaderLabels({ tr("Name"), tr("Value"), tr("Request"), tr("Send in") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);
    m_table->setMaximumHeight(110);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add Para&meter"), this);
    add->setObjectName(u"addExtraParameter"_s);
    add->setAccessibleName(tr("Add extra parameter"));
    add->setAutoDefault(false);
    auto *remove = new QPushButton(tr("Remove Parameter"), this);
    remove->setObjectName(u"removeExtraParameter"_s);
    remove->setAccessibleName(tr("Remove extra parameter"));
    remove->setAutoDefault(false);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
}

void ExtraParametersEditor::addRow(const OAuth2ExtraParameter &parameter)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(parameter.name));
    m_table->setItem(row, 1, new QTableWidgetItem(parameter.value));
    auto *stage = new QComboBox(m_table);
    stage->setAccessibleName(tr("Request of extra parameter %1").arg(row + 1));
    stage->addItem(tr("Authorization"), int(OAuth2ExtraParameter::Stage::Authorization));
    stage->addItem(tr("Token"), int(OAuth2ExtraParameter::Stage::Token));
    stage->addItem(tr("Refresh"), int(OAuth2ExtraParameter::Stage::Refresh));
    stage->setCurrentIndex(stage->findData(int(parameter.stage)));
    auto *place = new QComboBox(m_table);
    place->setAccessibleName(tr("Where extra parameter %1 is sent").arg(row + 1));
    place->addItem(tr("Body"), int(OAuth2ExtraParameter::Placement::Body));
    place->addItem(tr("Query"), int(OAuth2ExtraParameter::Placement::Query));
    place->addItem(tr("Header"), int(OAuth2ExtraParameter::Placement::Header));
    place->setCurrentIndex(place->findData(int(parameter.placement)));
    m_table->setCellWidget(row, 2, stage);
    m_table->setCellWidget(row, 3, place);
    m_table->setCurrentCell(row, 0);
}

void ExtraParametersEditor::setParameters(const QList<OAuth2ExtraParameter> &parameters)
{
    m_table->setRowCount(0);
    for (const OAuth2ExtraParameter &parameter : parameters)
        addRow(parameter);
}

QList<OAuth2ExtraParameter> ExtraParametersEditor::parameters() const
{
    QList<OAuth2ExtraParameter> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        OAuth2ExtraParameter parameter;
        parameter.name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        parameter.value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        if (parameter.name.isEmpty())
            continue;
        parameter.stage = OAuth2ExtraParameter::Stage(
            qobject_cast<QComboBox *>(m_table->cellWidget(row, 2))->currentData().toInt());
        parameter.placement = OAuth2ExtraParameter::Placement(
            qobject_cast<QComboBox *>(m_table->cellWidget(row, 3))->currentData().toInt());
        result.append(parameter);
    }
    return result;
}

} // namespace Postern
