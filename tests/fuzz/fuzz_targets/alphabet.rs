//! Bytes mapped onto the cable alphabet (the words and marks a cable is made
//! of), so that the fuzzer reaches the parser's deep states quickly.
#![no_main]

use cable_viewer::cable;
use libfuzzer_sys::fuzz_target;

const PIECES: [&str; 48] = [
    "C O N F I D E N T I A L ", "S E C R E T ", "UNCLAS ", "SECTION 01 OF 02 ", "USUN NEW YORK ", "000078", "SIPDIS",
    "E.O. 12958: DECL: 01/29/2019", "TAGS: ", "PREL ", "SUBJECT: ", "REF: ", "A. ", "B) ", "(C) ", "(S//NF) ",
    "Classified By: ", "1.4 (b) ", "¶", "1. ", "11. ", "10. ", "-- ", "VZCZCXYZ0001", "OO RUEHWEB", "DE RUCNDT #0078/01 0340252",
    "ZNY CCCCC ZZH", "O 030252Z FEB 09", "FM USMISSION USUN NEW YORK", "TO ", "INFO ", "XMT ", "RUEHC/SECSTATE WASHDC ",
    "PRIORITY ", "0756", "PAGE 02 ROME 01196 01 OF 02 082030Z", "BAGHDAD 00000197 002 OF 002", "-----", "//TITLE//",
    "Summary: ", "End Summary. ", "Comment: ", "Rice", "\n", "\n\n", "<pre>", "&#x000A;", "</pre>",
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
