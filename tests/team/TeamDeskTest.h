#pragma once

// What the team's desktop tests share: selecting a row of the action queue as a click would.
#include "actions/ActionQueueView.h"

#include <QTest>
#include <QTreeView>

namespace tenure::test {

// An account row, or an action's row (its account expanded).
inline void selectQueueRow(ActionQueueView* view, const QModelIndex& index)
{
    QVERIFY(index.isValid());
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("actions"));
    if (index.parent().isValid())
        tree->expand(index.parent());
    tree->selectionModel()->setCurrentIndex(index,
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace tenure::test
