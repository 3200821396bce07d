#pragma once

#include "domain/Account.h"
#include "domain/Event.h"
#include "domain/Outcome.h"

#include <QDate>
#include <QList>
#include <QSet>

#include <cstdint>
#include <functional>

namespace tenure {

class DemoRandom;

// Makes a believable B2B SaaS portfolio from a seed: accounts (English and Japanese companies),
// a year of product events whose shape fits each account's story, and the outcomes that story
// ends in. Churners fade before they leave (fewer users, fewer logins, more tickets) over lead
// times that vary, a few leave without warning, and some fading accounts renew anyway
// (docs/demo.md). The same seed and `today` give the same portfolio on every machine.
class DemoGenerator
{
public:
    enum class Shape { Healthy, Ramping, Declining, Dormant, Churned, Expanded, Trial, Onboarding };

    struct Options
    {
        std::uint64_t seed = 20261124;
        QDate today = QDate::currentDate(); // events run up to the day before
        int accounts = 300;
        int days = 365;
    };

    static constexpr auto kSource = "demo";

    explicit DemoGenerator(Options options);

    const Options& options() const { return m_options; }
    const QList<Account>& accounts() const { return m_accounts; }
    const QList<Outcome>& outcomes() const { return m_outcomes; }
    Shape shapeOf(qsizetype accountIndex) const { return m_plans.at(accountIndex).shape; }

    // The events of account `accountIndex`, in time order. Independent of the other accounts,
    // so accounts can be generated one at a time without holding the whole year in memory.
    QList<Event> eventsFor(qsizetype accountIndex) const;

    static QString shapeName(Shape shape);

private:
    struct Plan
    {
        Shape shape;
        int utcOffsetMinutes; // where the customer works: their events fall in their office hours
        QDate activeFrom; // first day with activity
        QDate activeUntil; // last day with activity (churn, dormancy)
        QDate changeDay; // start of the decline, or of the growth that leads to an expansion
        QDate expansionDay; // when the added seats were bought
        int seats; // seats before any expansion
        int addedSeats; // bought on expansionDay
        double adoption; // share of the seats in use when all is well
        double engagement; // chance that a user in use signs in on a working day
        double floor; // share of the usual activity a decline ends at
        double fadeDays; // how quickly a decline sets in (days to lose about two thirds of it)
        bool complains; // files support tickets while usage falls
        bool integrated; // runs an integration that syncs daily
    };
    void planAccount(int index, DemoRandom& random);
    // The account's health on `day`: 1 as usual, towards 0 while it fades, 0 when not active.
    static double health(const Plan& plan, const QDate& day);
    // Seats in use on `day`.
    static int usersOn(const Plan& plan, const QDate& day, double health);

    Options m_options;
    QList<Account> m_accounts;
    QSet<QString> m_names; // the accounts' names so far
    QList<Plan> m_plans;
    QList<Outcome> m_outcomes;
};

} // namespace tenure
