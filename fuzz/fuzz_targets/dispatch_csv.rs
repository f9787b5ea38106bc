#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vertrauensnetz::hostile_input::dispatch_csv(data);
});
