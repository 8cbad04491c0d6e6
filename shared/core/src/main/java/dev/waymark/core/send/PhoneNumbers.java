package dev.waymark.core.send;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers checked with libphonenumber and written in E.164, the form SNS sends SMS to. */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * The E.164 form of a valid number; {@code region} (ISO 3166, e.g. "PL") is used when it has no
   * +country code.
   */
  public static Optional<String> toE164(String raw, String region) {
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(raw, region == null ? "ZZ" : region);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
