#include "daemon/ctl/progress.hpp"

#include <algorithm>
#include <string>

namespace kaution::ctl {
namespace {
constexpr std::size_t k_bar_width = 30;
}

void ProgressBar::update(std::size_t done) {
  if (m_out == nullptr) return;
  done = std::min(done, m_total);
  const std::size_t filled = m_total == 0 ? k_bar_width : done * k_bar_width / m_total;
  const std::size_t percent = m_total == 0 ? 100 : done * 100 / m_total;
  *m_out << "\r[" << std::string(filled, '#') << std::string(k_bar_width - filled, '-') << "]  "
         << done << "/" << m_total << " deposits  " << percent << "%" << std::flush;
  m_drawn = true;
}

void ProgressBar::finish() {
  if (m_out == nullptr || !m_drawn) return;
  *m_out << "\n" << std::flush;
  m_drawn = false;
}

}  // namespace kaution::ctl
