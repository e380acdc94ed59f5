// Hand-worked dues values held in vectors, fed to the dues builders as the
// store feeds them: one account per charge, by member id then year.
#pragma once

#include <algorithm>
#include <tuple>
#include <vector>

#include "roster/dues_account.h"

namespace roster::test {

struct DuesValues {
  DuesPolicy policy;
  std::vector<DuesMember> members;
  std::vector<Charge> charges;
  std::vector<Payment> payments;
  std::vector<Exemption> exemptions;
  std::vector<int64_t> active;  ///< the members active on the day asked; empty: every member

  /// Each charge with its member's payments toward its year, its exemption
  /// and its member, by member id then year.
  std::vector<DuesAccount> accounts() const {
    std::vector<DuesAccount> out;
    for (const auto& c : charges) {
      DuesAccount a{c, {}, std::nullopt, {c.member_id, "", Tier::member, "", "", ""}, active.empty()};
      for (const auto& p : payments) {
        if (p.member_id == c.member_id && p.year == c.year) a.payments.push_back(p);
      }
      for (const auto& e : exemptions) {
        if (e.member_id == c.member_id && e.year == c.year) a.exemption = e;
      }
      for (const auto& m : members) {
        if (m.id == c.member_id) a.member = m;
      }
      if (std::find(active.begin(), active.end(), c.member_id) != active.end()) a.active = true;
      out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const DuesAccount& a, const DuesAccount& b) {
      return std::tie(a.charge.member_id, a.charge.year) < std::tie(b.charge.member_id, b.charge.year);
    });
    return out;
  }

  DuesAccountFeed feed() const {
    return [list = accounts()](const std::function<void(const DuesAccount&)>& each) {
      for (const auto& a : list) each(a);
    };
  }

  PaymentFeed payment_feed() const {
    return [list = payments](const std::function<void(const Payment&)>& each) {
      for (const auto& p : list) each(p);
    };
  }
};

}  // namespace roster::test
