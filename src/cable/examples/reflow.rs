//! Prints the text as the parser reads it (line breaks made again where they were lost).
fn main() {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).unwrap();
    print!("{}", cable_parser::parse_source(&text).1);
}
