#pragma once
// A one-line progress bar for a terminal: "[#########-----------]  4500/10000 deposits  45%",
// redrawn in place with '\r'. Without a stream (not a terminal) it draws nothing.

#include <cstddef>
#include <ostream>

namespace kaution::ctl {

class ProgressBar {
 public:
  ProgressBar(std::ostream* out, std::size_t total) : m_out(out), m_total(total) {}
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t done);
  // Ends the line (once), so that what follows starts on a line of its own.
  void finish();

 private:
  std::ostream* m_out;
  std::size_t m_total;
  bool m_drawn = false;
};

}  // namespace kaution::ctl
