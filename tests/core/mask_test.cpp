// Personal data masked in log text: IBANs by shape, person fields by key.
#include "core/mask.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

TEST(MaskPersonal, IbansKeepCountryCheckDigitsAndLastFour) {
  EXPECT_EQ(mask_personal("UNASSIGNED access=dkb-main iban=DE45120300001234567890 count=3"),
            "UNASSIGNED access=dkb-main iban=DE45**************7890 count=3");
  EXPECT_EQ(mask_personal("paid from DE02120300000000202051."),
            "paid from DE02**************2051.");
}

TEST(MaskPersonal, LeavesWhatIsNotAnIbanAlone) {
  for (const char* text : {"deposit=D-2021-000184", "bank_ref=KM-000001", "contract 1.080000.1047",
                           "request_id=AB12CDEFGHIJKLMNOPQ9x", "XDE45120300001234567890"})
    EXPECT_EQ(mask_personal(text), text);
}

TEST(MaskPersonal, PersonFieldsKeepTheirFirstCharacter) {
  EXPECT_EQ(mask_personal("ASSIGNED deposit=D-1 name=\"Natalie Schmidt\" access=aak-main"),
            "ASSIGNED deposit=D-1 name=\"N***\" access=aak-main");
  EXPECT_EQ(mask_personal("x holder=Lidia counterparty_name=\"Łukasz Nowak\" remittance=\"\""),
            "x holder=L*** counterparty_name=\"Ł***\" remittance=\"\"");
}

}  // namespace
}  // namespace kaution
