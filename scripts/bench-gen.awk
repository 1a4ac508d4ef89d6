# Generate a large, realistic ticket export for scripts/bench.sh.
#
#   awk -v n=1000000 -v dir=/tmp/x -f scripts/bench-gen.awk
#
# Writes dir/tickets.csv (n tickets spread over 2027, local times, numbered
# in the order they were reported, as ticket systems number and export them),
# dir/events.csv (status history: new, in progress, a pause for one ticket
# in five, resolved) and dir/pauses.csv (explicit pauses for one ticket in
# ten). A fixed generator (Park-Miller, exact in awk's doubles) makes every
# run identical, whatever awk this is.

function rnd(m) {
	seed = (seed * 16807) % 2147483647   # Park-Miller: exact in a double
	return seed % m
}

# Minutes since 2027-01-01 00:00 local -> "YYYY-MM-DD HH:MM". The hour the
# clocks skip (28 March) or repeat (31 October) is written as its end, 03:00,
# so the times keep their order: no real system exports a time in the gap,
# and one in the fold would be read as its first pass.
function stamp(t,   d, y, m, h, mi) {
	if ((t >= dst1 + 120 && t < dst1 + 180) || (t >= dst2 + 120 && t < dst2 + 180))
		t = t - t % 1440 + 180
	mi = t % 60
	h = int(t / 60) % 24
	d = int(t / 1440)
	y = 2027
	while (d >= 365) { d -= 365; y++ }    # 2027 and 2028 differ by a day: close enough
	m = 1
	while (d >= mdays[m]) { d -= mdays[m]; m++ }
	return sprintf("%04d-%02d-%02d %02d:%02d", y, m, d + 1, h, mi)
}

BEGIN {
	if (n == "") n = 1000000
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	dst1 = 86 * 1440          # 2027-03-28 00:00
	dst2 = 303 * 1440         # 2027-10-31 00:00
	split("incident incident incident request request change problem", types, " ")
	split("Hoog Gemiddeld Laag", levels, " ")
	split("Netwerk Software Hardware Account Printers Telefonie Wifi", cats, " ")
	split("phone portal email phone portal", chans, " ")
	seed = 42
	tk = dir "/tickets.csv"
	ev = dir "/events.csv"
	pa = dir "/pauses.csv"
	print "id,type,priority,impact,urgency,reported_at,responded_at,resolved_at,closed_at,category,location,channel,status,title" > tk
	print "ticket_id,at,status" > ev
	print "ticket_id,start,end,reason" > pa
	span = 365 * 1440 - 3 * 1440
	for (i = 1; i <= n; i++) {
		id = sprintf("INC-%07d", i)
		rep = int((i - 1) * span / n) + rnd(3)
		p = 1 + rnd(4)
		resp = rep + 1 + rnd(p * 60)
		res = resp + 10 + rnd(p * 600)
		done = rnd(20)                         # one in twenty still open
		cls = res + 1440
		st = done ? "Gesloten" : "In behandeling"
		typ = types[1 + rnd(7)]
		printf "%s,%s,P%d,%s,%s,%s,%s,%s,%s,%s,School %d,%s,%s,Storing %d op locatie\n", \
			id, typ, p, levels[1 + rnd(3)], levels[1 + rnd(3)], stamp(rep), stamp(resp), \
			done ? stamp(res) : "", done ? stamp(cls) : "", cats[1 + rnd(7)], \
			1 + rnd(300), chans[1 + rnd(5)], st, i > tk
		printf "%s,%s,Nieuw\n", id, stamp(rep) > ev
		printf "%s,%s,In behandeling\n", id, stamp(resp) > ev
		if (rnd(5) == 0 && res - resp > 4) {
			w = resp + 1 + rnd(int((res - resp) / 2))
			printf "%s,%s,Wacht op klant\n", id, stamp(w) > ev
			printf "%s,%s,In behandeling\n", id, stamp(w + 1 + rnd(int((res - w) / 2))) > ev
		}
		if (done)
			printf "%s,%s,Opgelost\n", id, stamp(res) > ev
		if (rnd(10) == 0) {
			w = resp + rnd(60)
			printf "%s,%s,%s,wacht op leverancier\n", id, stamp(w), stamp(w + 30 + rnd(600)) > pa
		}
	}
	close(tk); close(ev); close(pa)
}
