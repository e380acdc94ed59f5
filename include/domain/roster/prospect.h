#pragma once
// The recruitment pipeline's values, shared by the store (which reads and
// writes them) and the pipeline figures and renderers (which only read them).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/tier.h"

namespace roster {

/// A stage of the pipeline: lead 线索 10 %, contacted 已接洽 25 %, interested
/// 有意向 50 %, applied 已提交申请 75 %, approving 待理事会审批 90 %, and the
/// closed joined 已入会 100 % and dropped 已放弃 0 % (seeded from
/// data/stages.csv; probabilities changeable).
struct Stage {
  std::string code;     ///< "lead"
  std::string name_en;  ///< "lead"
  std::string name_zh;  ///< "线索"
  int probability = 0;  ///< whole percent, 0..100
  int position = 0;     ///< order on the road, lead first
  bool closed = false;  ///< joined and dropped: no longer open
};

/// The day a prospect entered a stage (its first move is the stage it was added in).
struct StageMove {
  std::string stage;
  Date on;
};

/// A company being recruited: never a member, never counted as one.
struct Prospect {
  int64_t id = 0;
  std::string name;
  std::string uscc;                  ///< "" when unknown
  std::vector<std::string> sectors;  ///< sector codes, the primary first
  Tier tier = Tier::member;          ///< the intended tier
  std::string city;
  std::string source;                  ///< 展会, 会员推荐, 政府推荐, 主动申请, … (free text)
  std::optional<int64_t> referrer_id;  ///< the referring member
  std::string owner;                   ///< the staff member following it
  std::string stage;                   ///< a Stage code
  std::optional<int> probability;      ///< its own whole percent; nullopt: the stage's
  std::string next_action;
  std::optional<Date> next_action_on;
  std::string note;
  Date added_on;
  std::optional<int64_t> member_id;  ///< the member it became (stage joined)
  std::string drop_reason;           ///< why it was dropped (stage dropped)
  std::vector<StageMove> moves;      ///< oldest first
};

}  // namespace roster
