fn main() {
    cable_viewer::start();
}
