#pragma once

#include "auth/oauth2config.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// The "Extra parameters" table of Get New Access Token: per row a name, a value, the request it goes
// with (Authorization, Token, Refresh) and where (Body, Query, Header), with Add and Remove.
class ExtraParametersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ExtraParametersEditor(QWidget *parent = nullptr);

    QList<OAuth2ExtraParameter> parameters() const; // rows without a name are left out
    void setParameters(const QList<OAuth2ExtraParameter> &parameters);
    void addRow(const OAuth2ExtraParameter &parameter = OAuth2ExtraParameter());

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace Postern
