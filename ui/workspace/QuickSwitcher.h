#pragma once

#include <QFrame>
#include <QIcon>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace tenure {

// Ctrl+K: a small popup with a line edit and a list that jumps to any view or customer by typing
// part of its name (customers also by id, Japanese included). The views match as typed; customers
// come from core's customer query on a worker thread. Enter opens the current row, the arrow keys
// move, Esc closes.
class QuickSwitcher : public QFrame
{
    Q_OBJECT

public:
    struct View
    {
        QString key; // as MainWindow::showView takes it
        QString name; // as the navigation shows it
        QIcon icon;
    };

    explicit QuickSwitcher(QWidget* parent);
    ~QuickSwitcher() override;

    void setViews(const QList<View>& views) { m_views = views; }
    void setWorkspace(const QString& path) { m_path = path; }
    void setCustomerIcon(const QIcon& icon) { m_customerIcon = icon; }
    // Shows the popup over the top of `over`, empty and focused.
    void popup(QWidget* over);

signals:
    // A view's key, or customer:ACCOUNT_ID.
    void chosen(const QString& target);
    // The customer rows of the search for `text` are in the list.
    void searched(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search(const QString& text);
    void activate(QListWidgetItem* item);

    QLineEdit* m_edit;
    QListWidget* m_list;
    QList<View> m_views;
    QIcon m_customerIcon;
    QString m_path;
    int m_generation = 0; // the search whose answer is still wanted
};

} // namespace tenure
