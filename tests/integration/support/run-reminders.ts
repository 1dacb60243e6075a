// The reminder job in a process of its own (run with `tsx --conditions react-server`), so a test
// can run it in two processes at once against the same database.
import { runReminders } from "@/lib/reminders/job";
import { db } from "@/lib/db";

const result = await runReminders(new Date(process.argv[2]));
console.log(JSON.stringify(result));
await db.$disconnect();
