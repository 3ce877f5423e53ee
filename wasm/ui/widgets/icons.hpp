// Font Awesome 4.7 icons used by the UI, as UTF-8 strings (the icon font is merged into
// the text font, so an icon is just a character: ImGui::Button(ICON_PLUS " New")).
#pragma once

#define ICON_FA_MIN 0xf000
#define ICON_FA_MAX 0xf2e0

#define ICON_SEARCH "\xef\x80\x82"        // f002
#define ICON_USER "\xef\x80\x87"          // f007
#define ICON_CHECK "\xef\x80\x8c"         // f00c
#define ICON_TIMES "\xef\x80\x8d"         // f00d
#define ICON_HOME "\xef\x80\x95"          // f015
#define ICON_REFRESH "\xef\x80\xa1"       // f021
#define ICON_LIST "\xef\x80\xba"          // f03a
#define ICON_PLUS "\xef\x81\xa7"          // f067
#define ICON_CHEVRON_LEFT "\xef\x81\x93"  // f053
#define ICON_CHEVRON_RIGHT "\xef\x81\x94" // f054
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"  // f078
#define ICON_CALENDAR "\xef\x81\xb3"      // f073
#define ICON_BAR_CHART "\xef\x82\x80"     // f080
#define ICON_COGS "\xef\x82\x85"          // f085
#define ICON_BARS "\xef\x83\x89"          // f0c9
#define ICON_USERS "\xef\x83\x80"         // f0c0
#define ICON_WRENCH "\xef\x82\xad"        // f0ad
#define ICON_TASKS "\xef\x82\xae"         // f0ae
#define ICON_BRIEFCASE "\xef\x82\xb1"     // f0b1
#define ICON_GLOBE "\xef\x82\xac"         // f0ac
#define ICON_DASHBOARD "\xef\x83\xa4"     // f0e4
#define ICON_SHARE_ALT "\xef\x87\xa0"     // f1e0
#define ICON_BUILDING "\xef\x86\xad"      // f1ad
#define ICON_BOOK "\xef\x80\xad"          // f02d
#define ICON_INBOX "\xef\x80\x9c"         // f01c
#define ICON_LIFE_RING "\xef\x87\x8d"     // f1cd
#define ICON_MAP_MARKER "\xef\x81\x81"    // f041
#define ICON_CLOUD "\xef\x83\x82"         // f0c2
#define ICON_CLOUD_UPLOAD "\xef\x83\xae"  // f0ee
#define ICON_ELLIPSIS_H "\xef\x85\x81"    // f141: a command bar's "More commands"
#define ICON_ELLIPSIS_V "\xef\x85\x82"    // f142
#define ICON_LANGUAGE "\xef\x86\xab"      // f1ab
#define ICON_ID_CARD "\xef\x8b\x82"       // f2c2
#define ICON_STAR "\xef\x80\x85"          // f005
#define ICON_CLOCK "\xef\x80\x97"         // f017
#define ICON_PHONE "\xef\x82\x95"         // f095
#define ICON_EXCLAMATION_TRIANGLE "\xef\x81\xb1"  // f071
#define ICON_FLAG "\xef\x80\xa4"          // f024: the active stage of a process

// Every icon above, so the font atlas rasterises only the icons the UI uses (the full
// Font Awesome range would cost megabytes of texture at a device pixel ratio of 3).
#define ICONS_USED                                                                                     \
    ICON_SEARCH ICON_USER ICON_CHECK ICON_TIMES ICON_HOME ICON_REFRESH ICON_LIST ICON_PLUS             \
        ICON_CHEVRON_LEFT ICON_CHEVRON_RIGHT ICON_CHEVRON_DOWN ICON_CALENDAR ICON_BAR_CHART ICON_COGS  \
            ICON_BARS ICON_USERS ICON_WRENCH ICON_TASKS ICON_BRIEFCASE ICON_GLOBE ICON_DASHBOARD       \
                ICON_SHARE_ALT ICON_BUILDING ICON_BOOK ICON_INBOX ICON_LIFE_RING ICON_MAP_MARKER       \
                    ICON_CLOUD ICON_CLOUD_UPLOAD ICON_ELLIPSIS_H ICON_ELLIPSIS_V ICON_LANGUAGE ICON_ID_CARD ICON_STAR  \
                        ICON_CLOCK ICON_PHONE ICON_EXCLAMATION_TRIANGLE ICON_FLAG
