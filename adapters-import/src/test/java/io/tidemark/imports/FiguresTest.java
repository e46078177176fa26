package io.tidemark.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.model.ArchiveFormatException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick readings of {@link Figures} (plain digits, UTC date-times) agree with the general ones. */
class FiguresTest {

    private static final Figures.Where WHERE = problem -> new ArchiveFormatException("f.csv", 2, 1, problem);

    @Test
    void aDayOfADateTimeIsTheUtcDateOfItsInstantWhicheverWayItIsRead() {
        List<String> texts = new ArrayList<>(List.of(
                "2016-01-01 00:00:00+00:00", "2016-01-01T00:00:00Z", "2016-02-29 23:59:59+00:00", "2024-12-31T23:59:59Z",
                "2008-01-01 12:30:00+00:00", "2026-11-28 00:00:00+00:00",
                // not the quick spellings: the general reading
                "2016-01-01 00:00:00+02:00", "2016-01-01T23:00:00-05:00", "2016-01-01 00:00+00:00", "2016-01-01T00:00:00.5Z",
                "2016-01-01 00:00:00+0000", "2016-01-01 00:00:00", "2016-01-01 24:00:00+00:00", "2016-02-30 00:00:00+00:00",
                "2015-02-29 00:00:00+00:00", "2016-13-01 00:00:00+00:00", "2016-00-10 00:00:00+00:00",
                "2016-01-01 00:60:00+00:00", "2016-01-01 00:00:60+00:00", "2016/01/01 00:00:00+00:00", "2016-01-01x00:00:00Z",
                "+016-01-01 00:00:00+00:00", "2016-01-01 0a:00:00+00:00", "2016-01-01 00:00:00+00:01"));
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate day = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(7000));
            String time = String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            texts.add(day + (random.nextBoolean() ? " " + time + "+00:00" : "T" + time + "Z"));
        }
        for (String text : texts) {
            Object general;
            try {
                general = LocalDate.ofInstant(Figures.instant(text, "time_iso8601", WHERE), ZoneOffset.UTC);
            } catch (ArchiveFormatException refused) {
                general = refused.getMessage();
            }
            Object read;
            try {
                read = Figures.day(text, "time_iso8601", WHERE);
            } catch (ArchiveFormatException refused) {
                read = refused.getMessage();
            }
            assertThat(read).as(text).isEqualTo(general);
        }
    }

    @Test
    void wholeNumbersReadTheSameWithOrWithoutTheQuickPath() {
        assertThat(Figures.whole("0", "c", WHERE)).isZero();
        assertThat(Figures.whole("007", "c", WHERE)).isEqualTo(7);
        assertThat(Figures.whole(" 42 ", "c", WHERE)).isEqualTo(42);
        assertThat(Figures.whole("123456789012345678", "c", WHERE)).isEqualTo(123456789012345678L);
        assertThat(Figures.whole("000000000000000000000012", "c", WHERE)).isEqualTo(12);
        assertThat(Figures.whole("12.0", "c", WHERE)).isEqualTo(12);
        assertThat(Figures.whole("+5", "c", WHERE)).isEqualTo(5);
        assertThat(Figures.whole("-0", "c", WHERE)).isZero();
        assertThatThrownBy(() -> Figures.whole("1234567890123456789", "c", WHERE)).hasMessageContaining("far larger");
        assertThatThrownBy(() -> Figures.whole("-3", "c", WHERE)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Figures.whole("1.5", "c", WHERE)).hasMessageContaining("no fraction");
        assertThatThrownBy(() -> Figures.whole("١٢", "c", WHERE)).hasMessageContaining("whole number was expected");
        assertThatThrownBy(() -> Figures.whole("", "c", WHERE)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Figures.count("3000000000", "c", WHERE)).hasMessageContaining("largest count");
    }
}
