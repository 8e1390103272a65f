// The HTML compliance report renders in a real browser: headless Chromium
// (Debian's `chromium`, installed by ci/setup.sh) takes a screenshot of the
// page and dumps its DOM. The screenshot must be a real picture, not a
// blank page (its pixels decoded with zlib take many distinct values); the
// DOM must carry the summary figures and the privacy verdict the JSON
// report states, the verdict first; and the browser must log nothing from
// the page's console (the page has no script, so any console line means
// something failed to load or parse).
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/identifier.h"
#include "tests/integration/report_fixture.h"

namespace pgveil {
namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

struct Browser {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs Chromium headless on `url` with `mode` ("--screenshot=FILE" or
// "--dump-dom"), in a fresh profile, with nothing reaching the network.
Browser RunChromium(const std::string& mode, const std::string& url, const std::string& dir) {
  REQUIRE(std::filesystem::exists(kChromium));  // ci/setup.sh installs it: never a skip
  const std::string profile = dir + "/chromium-profile-" + std::to_string(std::rand());
  const std::string out = dir + "/chromium.out";
  const std::string err = dir + "/chromium.err";
  std::string command = std::string("timeout 180 ") + kChromium +
                        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                        " --disable-background-networking --disable-component-update"
                        " --disable-sync --disable-extensions --hide-scrollbars"
                        " --enable-logging=stderr --v=0 --window-size=1280,2000"
                        " --user-data-dir=" +
                        QuoteShellWord(profile) + " " + QuoteShellWord(mode) + " " +
                        QuoteShellWord(url) + " </dev/null >" + QuoteShellWord(out) + " 2>" +
                        QuoteShellWord(err);
  int status = std::system(command.c_str());
  Browser result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = testing::ReadWholeFile(out);
  result.err = testing::ReadWholeFile(err);
  std::filesystem::remove_all(profile);
  return result;
}

uint32_t BigEndian(const std::string& data, size_t at) {
  return (uint32_t{static_cast<unsigned char>(data[at])} << 24) |
         (uint32_t{static_cast<unsigned char>(data[at + 1])} << 16) |
         (uint32_t{static_cast<unsigned char>(data[at + 2])} << 8) |
         uint32_t{static_cast<unsigned char>(data[at + 3])};
}

struct Png {
  uint32_t width = 0;
  uint32_t height = 0;
  std::string pixels;  // the decompressed image data (filter byte + row, per row)
};

// Reads the chunks of a PNG and inflates its image data. The filtered rows
// are not reconstructed: a blank page filters to a handful of byte values,
// a rendered one to nearly all 256, which is all this test asks.
Png DecodePng(const std::string& file) {
  REQUIRE(file.size() > 33);
  REQUIRE(file.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  Png png;
  std::string compressed;
  for (size_t at = 8; at + 12 <= file.size();) {
    uint32_t length = BigEndian(file, at);
    std::string type = file.substr(at + 4, 4);
    REQUIRE(at + 12 + length <= file.size());
    if (type == "IHDR") {
      png.width = BigEndian(file, at + 8);
      png.height = BigEndian(file, at + 12);
    } else if (type == "IDAT") {
      compressed += file.substr(at + 8, length);
    }
    at += 12 + length;
  }
  z_stream stream{};
  REQUIRE(inflateInit(&stream) == Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_in = static_cast<uInt>(compressed.size());
  char buffer[1 << 16];
  int code = Z_OK;
  while (code == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    code = inflate(&stream, Z_NO_FLUSH);
    png.pixels.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  REQUIRE(code == Z_STREAM_END);
  return png;
}

// The text of the element with `id` in a serialised DOM, or "" when absent.
std::string TextOfId(const std::string& dom, const std::string& id) {
  size_t at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  size_t begin = dom.find('>', at);
  size_t end = dom.find('<', begin);
  return dom.substr(begin + 1, end - begin - 1);
}

TEST_CASE("the HTML report renders in headless Chromium", "[report][integration]") {
  const testing::ShopReports& run = testing::ShopReportRun();
  const std::string url = "file://" + run.html;
  const std::string screenshot = run.dir + "/report.png";

  Browser shot = RunChromium("--screenshot=" + screenshot, url, run.dir);
  INFO(shot.err);
  REQUIRE(shot.exit_code == 0);
  const std::string file = testing::ReadWholeFile(screenshot);
  CHECK(file.size() > size_t{50} * 1024);
  Png png = DecodePng(file);
  CHECK(png.width == 1280);
  CHECK(png.height == 2000);
  CHECK(png.pixels.size() >= size_t{png.height} * (size_t{png.width} * 3 + 1));
  std::set<unsigned char> distinct(png.pixels.begin(), png.pixels.end());
  CHECK(distinct.size() > 64);

  Browser dom = RunChromium("--dump-dom", url, run.dir);
  INFO(dom.err);
  REQUIRE(dom.exit_code == 0);
  nlohmann::json report = nlohmann::json::parse(testing::ReadWholeFile(run.json));
  const nlohmann::json& summary = report["summary"];
  REQUIRE(summary["pii_columns"].get<int>() > 10);
  CHECK(TextOfId(dom.out, "summary-tables") ==
        std::to_string(summary["tables_scanned"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-pii-columns") ==
        std::to_string(summary["pii_columns"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-categories") ==
        std::to_string(summary["categories"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-violations") ==
        std::to_string(summary["violations"]["errors"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-hipaa-pass") ==
        std::to_string(summary["hipaa"]["pass"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-hipaa-fail") ==
        std::to_string(summary["hipaa"]["fail"].get<int>()));
  CHECK(TextOfId(dom.out, "summary-coverage").ends_with("%"));
  // The privacy verdict opens the summary: the badge, then the sentence the
  // JSON report states, before every figure.
  const nlohmann::json& privacy = report["privacy"];
  const std::string verdict = privacy["verdict"].get<std::string>();
  CHECK(verdict == summary["privacy_verdict"].get<std::string>());
  CHECK(TextOfId(dom.out, "summary-verdict-sentence") == privacy["sentence"].get<std::string>());
  CHECK_THAT(privacy["sentence"].get<std::string>(), Catch::StartsWith("The masked copy "));
  const size_t at = dom.out.find("id=\"summary-verdict\"");
  REQUIRE(at != std::string::npos);
  CHECK(dom.out.find("badge " + verdict, at) < dom.out.find("summary-verdict-sentence", at));
  CHECK(at < dom.out.find("id=\"summary-headline\""));
  CHECK(at < dom.out.find("id=\"summary-tables\""));
  CHECK(dom.out.find("id=\"gdpr-regime\"") != std::string::npos);
  CHECK(dom.out.find("<svg") != std::string::npos);

  for (const std::string* log : {&shot.err, &dom.err}) {
    std::istringstream lines(*log);
    std::string line;
    while (std::getline(lines, line)) {
      INFO(line);
      CHECK(line.find(":CONSOLE(") == std::string::npos);
      CHECK(line.find("Uncaught") == std::string::npos);
      CHECK(line.find("net::ERR_") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace pgveil
