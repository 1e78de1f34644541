//! Bytes mapped onto the cable alphabet (the words and marks a cable is made
//! of), so that the fuzzer reaches the parser's deep states quickly.
#![no_main]

use cable_viewer::cable;
use libfuzzer_sys::fuzz_target;

const PIECES: [&str; 72] = [
    "C O N F I D E N T I A L ", "S E C R E T ", "UNCLAS ", "SECTION 01 OF 02 ", "USUN NEW YORK ", "000078", "SIPDIS",
    "E.O. 12958: DECL: 01/29/2019", "TAGS: ", "PREL ", "SUBJECT: ", "REF: ", "A. ", "B) ", "(C) ", "(S//NF) ",
    "Classified By: ", "1.4 (b) ", "¶", "1. ", "11. ", "10. ", "-- ", "VZCZCXYZ0001", "OO RUEHWEB", "DE RUCNDT #0078/01 0340252",
    "ZNY CCCCC ZZH", "O 030252Z FEB 09", "FM USMISSION USUN NEW YORK", "TO ", "INFO ", "XMT ", "RUEHC/SECSTATE WASHDC ",
    "PRIORITY ", "0756", "PAGE 02 ROME 01196 01 OF 02 082030Z", "BAGHDAD 00000197 002 OF 002", "-----", "//TITLE//",
    "Summary: ", "End Summary. ", "Comment: ", "Rice", "\n", "\n\n", "<pre>", "&#x000A;", "</pre>",
    // Other sources: run-together fields, containers, print-outs, 1970s telegrams, archive trailers.
    "  ", "06FM AMEMBASSY ANKARATO RUEHC/SECSTATE ", "SIPDISSIPDISE.O. 12958 ", "PRIMEREF: ", "PHUMBA ",
    "OVIP (STEINBERG, JAMES B.) ", "UNCLAS E F T O ", "SS E C R E T ", "75 LIBREVILLE 1895", "ACTION EUR-25",
    "INFO OCT-01 ISO-00 /092 W", "P R 221828 Z MAY 73", "*** Current Classification *** SECRET", "NMAFVVZCZ",
    "UNQUOTE ", "VAN DEN HEUVEL", "TELEGRAM June 03, 2003", "From: AMEMBASSY X (X 2641 - UNKNOWN)", "refid: 10MADRID527",
    "----- header ends -----", "====CABLE ENDS====", "\"1\",\"12/28/1966 18:48\",\"", "\\\"", "{\"body\": \"",
];

fuzz_target!(|data: &[u8]| {
    let mut text = String::new();
    for &b in data {
        let piece = PIECES[usize::from(b) % PIECES.len()];
        text.push_str(piece);
        // High bits add letters and digits between pieces.
        if b >= 192 {
            text.push(char::from(b'A' + b % 26));
        }
    }
    let first = cable::parse(&text);
    assert_eq!(first, cable::parse(&text), "parsing twice gives another model");
});
